def first_letters(words):
    """Return the set of the lower-case first letters of the non-empty words."""
    pass
