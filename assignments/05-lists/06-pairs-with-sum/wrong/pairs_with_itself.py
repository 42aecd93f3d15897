# fails: test_a_number_is_not_paired_with_itself
# why: the inner loop starts at i instead of i + 1, so a number can be paired with itself.
def pairs_with_sum(numbers, target):
    pairs = []
    for i in range(len(numbers)):
        for j in range(i, len(numbers)):
            if numbers[i] + numbers[j] == target:
                pairs.append([numbers[i], numbers[j]])
    return pairs
