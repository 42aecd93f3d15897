def is_palindrome(text):
    """Return True if text reads the same backwards, ignoring case and non-letters/digits."""
    cleaned = "".join(char.lower() for char in text if char.isalnum())
    return cleaned == cleaned[::-1]
