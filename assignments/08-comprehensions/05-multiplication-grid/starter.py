def multiplication_grid(n):
    """Return the n by n multiplication table as a list of rows."""
    pass
