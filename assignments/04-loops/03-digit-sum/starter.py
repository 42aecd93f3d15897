def digit_sum(n):
    """Return the sum of the digits of n (the minus sign of a negative n is ignored)."""
    pass
