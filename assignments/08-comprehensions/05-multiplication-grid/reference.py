def multiplication_grid(n):
    """Return the n by n multiplication table as a list of rows."""
    return [[r * c for c in range(1, n + 1)] for r in range(1, n + 1)]
