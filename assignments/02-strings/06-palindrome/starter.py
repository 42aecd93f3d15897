def is_palindrome(text):
    """Return True if text reads the same backwards, ignoring upper/lower case and spaces."""
    pass
