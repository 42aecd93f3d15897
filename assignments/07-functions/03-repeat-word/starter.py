def repeat_word(word, times=2, separator=" "):
    """Return word repeated times times, with separator between the copies."""
    pass
