# fails: test_a_number_is_not_paired_with_itself
# why: j starts at i instead of i + 1, so a number can be paired with itself.
def pairs_summing_to(numbers, target):
    return [
        (numbers[i], numbers[j])
        for i in range(len(numbers))
        for j in range(i, len(numbers))
        if numbers[i] + numbers[j] == target
    ]
