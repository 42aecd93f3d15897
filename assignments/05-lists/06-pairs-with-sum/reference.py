def pairs_with_sum(numbers, target):
    """Return [a, b] for every two numbers at different positions adding up to target."""
    pairs = []
    for i in range(len(numbers)):
        for j in range(i + 1, len(numbers)):
            if numbers[i] + numbers[j] == target:
                pairs.append([numbers[i], numbers[j]])
    return pairs
