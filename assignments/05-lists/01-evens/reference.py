def evens(numbers):
    """Return a new list with only the even numbers from numbers, in order."""
    result = []
    for number in numbers:
        if number % 2 == 0:
            result.append(number)
    return result
