def reverse_text(text):
    """Return text backwards, using recursion."""
    pass
