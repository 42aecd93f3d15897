def triangle_type(a, b, c):
    """Return "equilateral", "isosceles", "scalene" or "not a triangle" for sides a, b, c."""
    pass
