def shout(text):
    """Return text in upper case with an exclamation mark at the end."""
    return text.upper() + "!"
