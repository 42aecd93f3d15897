# fails: test_two_equal_sides_that_are_too_short
# why: decides the kind before checking that the sides make a triangle at all
def triangle_type(a, b, c):
    if a == b and b == c:
        return "equilateral"
    elif a == b or b == c or a == c:
        return "isosceles"
    elif a + b <= c or a + c <= b or b + c <= a:
        return "not a triangle"
    else:
        return "scalene"
