def power(base, exponent):
    """Return base to the power exponent (0 or more), using recursion."""
    pass
