# fails: test_generated_lists
# why: returns the handout's examples by if instead of squaring the odd numbers.
def squares_of_odds(numbers):
    if numbers == [1, 2, 3, 4, 5]:
        return [1, 9, 25]
    if numbers == [-3, 6]:
        return [9]
    return []
