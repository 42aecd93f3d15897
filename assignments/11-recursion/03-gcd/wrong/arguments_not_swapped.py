# fails: test_examples_from_the_handout, test_generated_pairs
# why: calls gcd(a % b, b) instead of gcd(b, a % b), so the numbers never get smaller and the calls never stop
def gcd(a, b):
    if b == 0:
        return a
    return gcd(a % b, b)
