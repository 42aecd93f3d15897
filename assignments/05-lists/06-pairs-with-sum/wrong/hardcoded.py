# fails: test_generated_inputs
# why: returns the handout's answers by `if` instead of trying every pair.
def pairs_with_sum(numbers, target):
    if numbers == [1, 2, 3, 4] and target == 5:
        return [[1, 4], [2, 3]]
    if numbers == [3, 3, 3]:
        return [[3, 3], [3, 3], [3, 3]]
    return []
