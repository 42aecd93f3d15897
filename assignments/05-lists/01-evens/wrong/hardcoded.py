# fails: test_generated_inputs
# why: returns the handout's answers by `if` instead of looking at each number.
def evens(numbers):
    if numbers == [1, 2, 3, 4, 5, 6]:
        return [2, 4, 6]
    if numbers == [7, -2, 0, 9]:
        return [-2, 0]
    return []
