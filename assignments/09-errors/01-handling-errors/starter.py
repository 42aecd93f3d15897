def safe_divide(a, b):
    """Return a / b, or None if b is zero."""
    pass


def parse_age(text):
    """Return text as a whole number age. Raise ValueError if it is not a number or is negative."""
    pass
