def safe_divide(a, b):
    """Return a / b, or None if b is zero."""
    try:
        return a / b
    except ZeroDivisionError:
        return None


def parse_age(text):
    """Return text as a whole number age. Raise ValueError if it is not a number or is negative."""
    age = int(text)
    if age < 0:
        raise ValueError("age cannot be negative")
    return age
