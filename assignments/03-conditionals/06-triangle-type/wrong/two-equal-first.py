# fails: test_equilateral
# why: checks "two sides equal" before "all three equal", so every equilateral triangle is called isosceles
def triangle_type(a, b, c):
    if a + b <= c or a + c <= b or b + c <= a:
        return "not a triangle"
    elif a == b or b == c or a == c:
        return "isosceles"
    elif a == b and b == c:
        return "equilateral"
    else:
        return "scalene"
