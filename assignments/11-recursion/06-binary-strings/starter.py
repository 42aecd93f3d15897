def binary_strings(n):
    """Return all strings of length n made of "0" and "1", in counting order."""
    pass
