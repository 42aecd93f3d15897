# fails: test_generated_numbers
# why: returns the handout's answers for the handout's numbers instead of comparing n with zero
def sign(n):
    if n == 5:
        return "positive"
    elif n == -2:
        return "negative"
    else:
        return "zero"
