# fails: test_generated_inputs
# why: returns the handout's answers by `if` instead of building the lines in a loop.
def times_table(number, rows):
    if number == 3 and rows == 4:
        return "1 x 3 = 3\n2 x 3 = 6\n3 x 3 = 9\n4 x 3 = 12"
    if number == 7 and rows == 1:
        return "1 x 7 = 7"
    if number == 9 and rows == 3:
        return "1 x 9 = 9\n2 x 9 = 18\n3 x 9 = 27"
    return ""
