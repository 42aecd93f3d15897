def hello():
    """Return the string "Hello"."""
    pass
