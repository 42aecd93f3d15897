# fails: test_generated_numbers
# why: returns the handout's examples by if instead of calculating.
def average(*numbers):
    if numbers == (2, 4):
        return 3.0
    if numbers == (1, 2, 3, 4):
        return 2.5
    if numbers == (7,):
        return 7.0
    return None
