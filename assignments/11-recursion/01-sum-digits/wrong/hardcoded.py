# fails: test_generated_numbers
# why: returns the handout's examples by lookup instead of adding up the digits
def sum_digits(n):
    answers = {472: 13, 5: 5, 0: 0}
    if n in answers:
        return answers[n]
    return n
