def first_letters(words):
    """Return the set of the lower-case first letters of the non-empty words."""
    return {word[0].lower() for word in words if word != ""}
