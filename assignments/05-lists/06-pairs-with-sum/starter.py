def pairs_with_sum(numbers, target):
    """Return [a, b] for every two numbers at different positions adding up to target."""
    pass
