def passing(scores, mark=50):
    """Return a new dict of the names and scores that are at or above mark."""
    pass
