def running_total(numbers):
    """Return a list whose item i is the sum of numbers[0] up to numbers[i]."""
    pass
