# fails: test_odd_numbers_that_are_not_prime, test_examples_from_the_handout
# why: returns True as soon as one divisor does not fit, instead of after trying them all.
def is_prime(n):
    if n < 2:
        return False
    if n == 2:
        return True
    for divisor in range(2, n):
        if n % divisor == 0:
            return False
        else:
            return True
