def greet(name, greeting="Hello"):
    """Return greeting, a comma and a space, name and "!", e.g. "Hello, Ada!"."""
    pass
