def sum(a, b):
    """Return the sum of the two numbers a and b."""
    return a + b
