def sum_digits(n):
    """Return the sum of the digits of n (0 or more), using recursion."""
    pass
