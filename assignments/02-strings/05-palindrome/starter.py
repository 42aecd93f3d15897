def is_palindrome(text):
    """Return True if text reads the same backwards, ignoring case and non-letters/digits."""
    pass
