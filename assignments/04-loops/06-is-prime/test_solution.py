import random
import unittest

from solution import is_prime

PRIMES_BELOW_100 = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47,
                    53, 59, 61, 67, 71, 73, 79, 83, 89, 97]


def expected_prime(n):
    # Counts the divisors: a prime has exactly two (1 and itself).
    if n < 1:
        return False
    return sum(1 for d in range(1, n + 1) if n % d == 0) == 2


class TestIsPrime(unittest.TestCase):
    def check(self, n, expected):
        self.assertEqual(is_prime(n), expected, f"is_prime({n}) should be {expected}")

    def test_examples_from_the_handout(self):
        self.check(7, True)
        self.check(9, False)
        self.check(2, True)

    def test_numbers_below_two_are_not_prime(self):
        for n in [1, 0, -1, -7]:
            self.check(n, False)

    def test_even_numbers_above_two_are_not_prime(self):
        for n in [4, 6, 100, 1000]:
            self.check(n, False)

    def test_odd_numbers_that_are_not_prime(self):
        for n in [15, 21, 27, 33, 91]:
            self.check(n, False)

    def test_squares_of_primes_are_not_prime(self):
        for n in [25, 49, 121, 169]:
            self.check(n, False)

    def test_all_primes_below_100(self):
        for n in range(100):
            self.check(n, n in PRIMES_BELOW_100)

    def test_bigger_numbers(self):
        self.check(7919, True)
        self.check(7917, False)
        self.check(10007, True)

    def test_generated_inputs(self):
        rng = random.Random(4606)
        for _ in range(40):
            n = rng.randint(-10, 3000)
            self.check(n, expected_prime(n))


if __name__ == "__main__":
    unittest.main()
