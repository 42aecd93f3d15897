def is_prime(n):
    """Return True if n is a prime number, False otherwise."""
    if n < 2:
        return False
    for divisor in range(2, n):
        if n % divisor == 0:
            return False
    return True
