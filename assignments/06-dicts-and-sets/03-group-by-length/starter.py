def group_by_length(words):
    """Return a dict mapping each word length to the list of words of that length, in order."""
    pass
