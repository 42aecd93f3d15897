import random
import unittest

from solution import count_multiples


def expected_count(n, k):
    # Every k-th number is a multiple of k, so there are n // k of them.
    return n // k


class TestCountMultiples(unittest.TestCase):
    def check(self, n, k, expected):
        self.assertEqual(
            count_multiples(n, k), expected, f"count_multiples({n}, {k}) should be {expected}"
        )

    def test_examples_from_the_handout(self):
        self.check(10, 3, 3)
        self.check(10, 5, 2)
        self.check(4, 7, 0)

    def test_n_itself_is_counted(self):
        self.check(9, 3, 3)
        self.check(7, 7, 1)
        self.check(20, 4, 5)

    def test_counting_starts_at_one_not_zero(self):
        self.check(5, 1, 5)
        self.check(3, 2, 1)

    def test_zero_gives_zero(self):
        self.check(0, 4, 0)
        self.check(0, 1, 0)

    def test_every_number_is_a_multiple_of_one(self):
        self.check(12, 1, 12)

    def test_generated_inputs(self):
        rng = random.Random(4101)
        for _ in range(30):
            n = rng.randint(0, 300)
            k = rng.randint(1, 20)
            self.check(n, k, expected_count(n, k))


if __name__ == "__main__":
    unittest.main()
