def squares_of_odds(numbers):
    """Return a list of the squares of the odd numbers in numbers, in order."""
    return [n * n for n in numbers if n % 2 != 0]
