import random
import unittest

from solution import sign

NAMES = ["negative", "zero", "positive"]


def sign_of(n):
    return NAMES[(n > 0) - (n < 0) + 1]


class TestSign(unittest.TestCase):
    def check(self, n):
        expected = sign_of(n)
        self.assertEqual(sign(n), expected, f"sign({n!r}) should be {expected!r}")

    def test_positive_number(self):
        self.check(5)

    def test_negative_number(self):
        self.check(-2)

    def test_zero(self):
        self.check(0)

    def test_numbers_next_to_zero(self):
        self.check(1)
        self.check(-1)

    def test_decimal_numbers(self):
        self.check(0.5)
        self.check(-0.001)

    def test_large_numbers(self):
        self.check(1_000_000)
        self.check(-987_654_321)

    def test_generated_numbers(self):
        rng = random.Random(3001)
        for _ in range(30):
            self.check(rng.choice([rng.randint(-1000, 1000), rng.randint(-3, 3), round(rng.uniform(-5, 5), 2)]))


if __name__ == "__main__":
    unittest.main()
