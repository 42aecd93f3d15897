def word_counts(text):
    """Return a dict mapping each lower-case word in text to how often it appears."""
    pass
