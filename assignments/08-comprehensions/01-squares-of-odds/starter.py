def squares_of_odds(numbers):
    """Return a list of the squares of the odd numbers in numbers, in order."""
    pass
