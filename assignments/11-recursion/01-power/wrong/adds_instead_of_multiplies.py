# fails: test_examples_from_the_handout, test_negative_base
# why: adds base at each step instead of multiplying by it, so power(2, 5) is 1 + 2 * 5.
def power(base, exponent):
    if exponent == 0:
        return 1
    return base + power(base, exponent - 1)
