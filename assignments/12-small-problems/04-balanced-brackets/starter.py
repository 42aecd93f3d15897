def is_balanced(text):
    """Return True if every bracket in text is closed in the right order, False if not."""
    pass
