# fails: test_adds_two_positive_numbers, test_generated_numbers
# why: uses - instead of +
def sum(a, b):
    return a - b
