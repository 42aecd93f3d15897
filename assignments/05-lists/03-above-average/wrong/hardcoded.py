# fails: test_generated_inputs
# why: returns the handout's answers by `if` instead of comparing with the average.
def above_average(numbers):
    if numbers == [2, 4, 9]:
        return [9]
    if numbers == [1, 2, 3, 4, 5]:
        return [4, 5]
    return []
