import random
import unittest

from solution import digit_sum


def expected_sum(n):
    # Through the text of the number instead of arithmetic.
    return sum(int(ch) for ch in str(n) if ch.isdigit())


class TestDigitSum(unittest.TestCase):
    def check(self, n, expected):
        self.assertEqual(digit_sum(n), expected, f"digit_sum({n}) should be {expected}")

    def test_examples_from_the_handout(self):
        self.check(123, 6)
        self.check(9045, 18)
        self.check(7, 7)

    def test_single_digit(self):
        self.check(5, 5)
        self.check(9, 9)

    def test_zero_gives_zero(self):
        self.check(0, 0)

    def test_zeros_inside_and_at_the_end(self):
        self.check(1000, 1)
        self.check(50505, 15)

    def test_negative_numbers(self):
        self.check(-42, 6)
        self.check(-9, 9)
        self.check(-1001, 2)

    def test_big_number(self):
        self.check(98765432123456789, 89)

    def test_generated_inputs(self):
        rng = random.Random(4303)
        for _ in range(40):
            n = rng.randint(-10**9, 10**9)
            self.check(n, expected_sum(n))


if __name__ == "__main__":
    unittest.main()
