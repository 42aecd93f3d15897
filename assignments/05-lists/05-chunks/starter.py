def chunks(items, size):
    """Return items cut into lists of size items each (the last one may be shorter)."""
    pass
