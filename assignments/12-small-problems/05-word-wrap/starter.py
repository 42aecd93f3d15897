def wrap(text, width):
    """Return the words of text as a list of lines, each at most width characters long."""
    pass
