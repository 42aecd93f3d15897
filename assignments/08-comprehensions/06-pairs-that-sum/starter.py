def pairs_summing_to(numbers, target):
    """Return the pairs (numbers[i], numbers[j]) with i < j that add up to target."""
    pass
