# fails: test_examples_from_the_handout, test_zeros
# why: the base case returns b, which is always 0 there, instead of a
def gcd(a, b):
    if b == 0:
        return b
    return gcd(b, a % b)
