def running_total(numbers):
    """Return a list whose item i is the sum of numbers[0] up to numbers[i]."""
    total = 0
    result = []
    for number in numbers:
        total = total + number
        result.append(total)
    return result
