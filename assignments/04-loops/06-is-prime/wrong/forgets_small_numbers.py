# fails: test_numbers_below_two_are_not_prime
# why: forgets that 1, 0 and negative numbers are not prime: the loop does not run for them and True comes back.
def is_prime(n):
    for divisor in range(2, n):
        if n % divisor == 0:
            return False
    return True
