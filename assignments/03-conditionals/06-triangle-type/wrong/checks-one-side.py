# fails: test_sides_that_cannot_meet
# why: only checks whether c is too long, but the longest side may be a or b
def triangle_type(a, b, c):
    if a + b <= c:
        return "not a triangle"
    elif a == b and b == c:
        return "equilateral"
    elif a == b or b == c or a == c:
        return "isosceles"
    else:
        return "scalene"
