# fails: test_examples_from_the_handout, test_exponent_zero_gives_one
# why: multiplies the base by the exponent, which is repeated adding, not a power.
def power(base, exponent):
    return base * exponent
