def insertion_sort(numbers):
    """Return a new list with the numbers sorted from smallest to largest, without sorted()."""
    pass
