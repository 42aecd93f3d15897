import random
import unittest

from solution import sum_digits


def expected_sum(n):
    total = 0
    for char in str(n):
        total += int(char)
    return total


class TestSumDigits(unittest.TestCase):
    def test_examples_from_the_handout(self):
        self.assertEqual(sum_digits(472), 13, "sum_digits(472) should be 13 (4 + 7 + 2)")
        self.assertEqual(sum_digits(5), 5, "sum_digits(5) should be 5")
        self.assertEqual(sum_digits(0), 0, "sum_digits(0) should be 0")

    def test_single_digit_is_itself(self):
        for n in range(10):
            self.assertEqual(sum_digits(n), n, f"sum_digits({n}) should be {n} (a single digit)")

    def test_zeros_inside_the_number(self):
        self.assertEqual(sum_digits(1005), 6, "sum_digits(1005) should be 6 (1 + 0 + 0 + 5)")
        self.assertEqual(sum_digits(10), 1, "sum_digits(10) should be 1")
        self.assertEqual(sum_digits(1000000), 1, "sum_digits(1000000) should be 1")

    def test_large_number(self):
        self.assertEqual(sum_digits(999999999), 81, "sum_digits(999999999) should be 81")

    def test_generated_numbers(self):
        rng = random.Random(1101)
        for _ in range(40):
            n = rng.randint(0, 10 ** rng.randint(1, 15))
            expected = expected_sum(n)
            self.assertEqual(sum_digits(n), expected, f"sum_digits({n}) should be {expected}")


if __name__ == "__main__":
    unittest.main()
