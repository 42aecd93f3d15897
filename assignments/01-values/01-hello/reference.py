def hello():
    """Return the string "Hello"."""
    return "Hello"
