# fails: test_examples_from_the_handout, test_exponent_zero_gives_one
# why: the base case returns 0, so every product ends with "* 0" and the answer is always 0.
def power(base, exponent):
    if exponent == 0:
        return 0
    return base * power(base, exponent - 1)
