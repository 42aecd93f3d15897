# fails: test_handout_examples, test_generated_numbers
# why: divides by the wrong count (2 instead of 3 numbers)
def average(a, b, c):
    return (a + b + c) / 2
