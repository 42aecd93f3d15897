def binary_search(numbers, target):
    """Return the index of target in the sorted list numbers, or -1 if it is not there."""
    pass
