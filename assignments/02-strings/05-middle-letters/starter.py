def middle(word):
    """Return the middle letter of word, or its two middle letters if its length is even."""
    pass
