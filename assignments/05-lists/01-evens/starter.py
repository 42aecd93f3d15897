def evens(numbers):
    """Return a new list with only the even numbers from numbers, in order."""
    pass
