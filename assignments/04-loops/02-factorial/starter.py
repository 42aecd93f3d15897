def factorial(n):
    """Return n! (1 * 2 * ... * n), computed with a loop. factorial(0) is 1."""
    pass
