def flatten(nested):
    """Return a flat list of all the values in nested, using recursion."""
    pass
