# fails: test_equal_numbers_at_different_positions_pair_up
# why: skips a second number equal to the first, which wrongly drops pairs of equal numbers at different positions.
def pairs_with_sum(numbers, target):
    pairs = []
    for i in range(len(numbers)):
        for j in range(i + 1, len(numbers)):
            if numbers[i] != numbers[j] and numbers[i] + numbers[j] == target:
                pairs.append([numbers[i], numbers[j]])
    return pairs
