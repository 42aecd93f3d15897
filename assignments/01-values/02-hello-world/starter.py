def hello():
    """Return the string "Hello world!"."""
    pass
