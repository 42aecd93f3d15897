# fails: test_adds_two_positive_numbers, test_generated_numbers
# why: prints the sum instead of returning it, so the function gives back None
def sum(a, b):
    print(a + b)
