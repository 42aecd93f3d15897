# fails: test_generated_numbers
# why: returns the handout's answers for the handout's numbers instead of adding a and b
def sum(a, b):
    if a == 2 and b == 3:
        return 5
    if a == -4 and b == 10:
        return 6
    if a == 1.5 and b == 2.25:
        return 3.75
    if a == 7 and b == 0:
        return 7
    return 0
