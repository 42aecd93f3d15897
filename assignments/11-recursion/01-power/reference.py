def power(base, exponent):
    """Return base to the power exponent (0 or more), using recursion."""
    if exponent == 0:
        return 1
    return base * power(base, exponent - 1)
