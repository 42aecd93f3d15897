import random
import unittest

from solution import power


def expected_power(base, exponent):  # the oracle: Python's own **, unlike the reference
    return base**exponent


class TestPower(unittest.TestCase):
    def check(self, base, exponent, expected):
        self.assertEqual(power(base, exponent), expected, f"power({base}, {exponent}) should be {expected}")

    def test_examples_from_the_handout(self):
        self.check(2, 5, 32)
        self.check(7, 1, 7)
        self.check(-3, 3, -27)

    def test_exponent_zero_gives_one(self):
        self.check(5, 0, 1)
        self.check(0, 0, 1)
        self.check(-8, 0, 1)

    def test_exponent_one_gives_the_base(self):
        self.check(12, 1, 12)
        self.check(-4, 1, -4)

    def test_zero_and_one_as_base(self):
        self.check(0, 6, 0)
        self.check(1, 40, 1)

    def test_negative_base(self):
        self.check(-2, 4, 16)
        self.check(-2, 5, -32)

    def test_generated_powers(self):
        rng = random.Random(1111)
        for _ in range(40):
            base = rng.randint(-12, 12)
            exponent = rng.randint(0, 25)
            self.check(base, exponent, expected_power(base, exponent))


if __name__ == "__main__":
    unittest.main()
