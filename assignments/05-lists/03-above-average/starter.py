def above_average(numbers):
    """Return the numbers strictly bigger than the average of numbers, in order."""
    pass
