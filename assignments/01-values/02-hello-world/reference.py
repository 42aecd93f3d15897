def hello():
    """Return the string "Hello world!"."""
    return "Hello world!"
