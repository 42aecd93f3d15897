# fails: test_generated_pairs
# why: returns the handout's examples by if instead of using Euclid's rule
def gcd(a, b):
    if (a, b) == (12, 18):
        return 6
    if (a, b) == (17, 5):
        return 1
    return a
