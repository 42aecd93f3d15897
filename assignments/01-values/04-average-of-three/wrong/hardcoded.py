# fails: test_generated_numbers
# why: returns the handout's answers for the handout's numbers instead of computing the average
def average(a, b, c):
    if (a, b, c) == (1, 2, 3):
        return 2.0
    if (a, b, c) == (2, 4, 9):
        return 5.0
    if (a, b, c) == (1, 2, 2):
        return 1.6666666666666667
    return 0.0
