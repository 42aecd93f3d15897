def first_repeat(items):
    """Return the first item met for the second time, reading left to right; None if none is."""
    pass
