def gcd(a, b):
    """Return the greatest common divisor of a and b, using Euclid's rule."""
    if b == 0:
        return a
    return gcd(b, a % b)
