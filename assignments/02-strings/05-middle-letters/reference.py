def middle(word):
    """Return the middle letter of word, or its two middle letters if its length is even."""
    return word[(len(word) - 1) // 2 : len(word) // 2 + 1]
