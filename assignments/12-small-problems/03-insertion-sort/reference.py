def insertion_sort(numbers):
    """Return a new list with the numbers sorted from smallest to largest, without sorted()."""
    result = []
    for number in numbers:
        position = 0
        while position < len(result) and result[position] <= number:
            position += 1
        result.insert(position, number)
    return result
