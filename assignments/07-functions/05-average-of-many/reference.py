def average(*numbers):
    """Return the average of the numbers given, or None when none are given."""
    if len(numbers) == 0:
        return None
    return sum(numbers) / len(numbers)
