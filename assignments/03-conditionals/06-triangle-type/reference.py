def triangle_type(a, b, c):
    """Return "equilateral", "isosceles", "scalene" or "not a triangle" for sides a, b, c."""
    if a + b <= c or a + c <= b or b + c <= a:
        return "not a triangle"
    elif a == b and b == c:
        return "equilateral"
    elif a == b or b == c or a == c:
        return "isosceles"
    else:
        return "scalene"
