def sum_digits(n):
    """Return the sum of the digits of n (0 or more), using recursion."""
    if n < 10:
        return n
    return n % 10 + sum_digits(n // 10)
