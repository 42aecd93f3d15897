def above_average(numbers):
    """Return the numbers strictly bigger than the average of numbers, in order."""
    if len(numbers) == 0:
        return []
    average = sum(numbers) / len(numbers)
    result = []
    for number in numbers:
        if number > average:
            result.append(number)
    return result
