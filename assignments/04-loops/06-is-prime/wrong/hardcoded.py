# fails: test_generated_inputs
# why: returns the handout's answers from a fixed list of primes instead of testing divisors.
def is_prime(n):
    if n in [2, 3, 5, 7, 11, 13]:
        return True
    return False
