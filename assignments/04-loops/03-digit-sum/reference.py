def digit_sum(n):
    """Return the sum of the digits of n (the minus sign of a negative n is ignored)."""
    n = abs(n)
    total = 0
    while n > 0:
        total = total + n % 10
        n = n // 10
    return total
