def run_length_encode(text):
    """Return text with each run of a repeated character written as the character and its count."""
    pass
