def reverse_text(text):
    """Return text backwards, using recursion."""
    if len(text) <= 1:
        return text
    return reverse_text(text[1:]) + text[0]
