def gcd(a, b):
    """Return the greatest common divisor of a and b, using Euclid's rule."""
    pass
