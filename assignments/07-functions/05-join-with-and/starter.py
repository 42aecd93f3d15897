def join_with_and(*items):
    """Return the strings as one phrase: 'a, b and c'."""
    pass
