def average(*numbers):
    """Return the average of the numbers given, or None when none are given."""
    pass
