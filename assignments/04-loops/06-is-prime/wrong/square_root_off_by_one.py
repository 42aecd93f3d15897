# fails: test_squares_of_primes_are_not_prime, test_examples_from_the_handout
# why: stops the divisors just below the square root, so 9, 25, 49 (squares of primes) look prime.
def is_prime(n):
    if n < 2:
        return False
    for divisor in range(2, int(n ** 0.5)):
        if n % divisor == 0:
            return False
    return True
