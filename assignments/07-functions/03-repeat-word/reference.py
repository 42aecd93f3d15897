def repeat_word(word, times=2, separator=" "):
    """Return word repeated times times, with separator between the copies."""
    copies = []
    for _ in range(times):
        copies.append(word)
    return separator.join(copies)
