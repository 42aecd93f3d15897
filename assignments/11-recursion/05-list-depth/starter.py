def depth(value):
    """Return how many lists deep value goes (0 for a value that is not a list)."""
    pass
