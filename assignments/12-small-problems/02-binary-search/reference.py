def binary_search(numbers, target):
    """Return the index of target in the sorted list numbers, or -1 if it is not there."""
    low = 0
    high = len(numbers) - 1
    while low <= high:
        middle = (low + high) // 2
        if numbers[middle] == target:
            return middle
        if numbers[middle] < target:
            low = middle + 1
        else:
            high = middle - 1
    return -1
