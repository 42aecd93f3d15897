def pairs_summing_to(numbers, target):
    """Return the pairs (numbers[i], numbers[j]) with i < j that add up to target."""
    return [
        (numbers[i], numbers[j])
        for i in range(len(numbers))
        for j in range(i + 1, len(numbers))
        if numbers[i] + numbers[j] == target
    ]
