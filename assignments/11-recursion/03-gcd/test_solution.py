import random
import unittest

from solution import gcd


def expected_gcd(a, b):
    best = max(a, b)  # gcd(x, 0) is x
    if a and b:
        best = 1
        for d in range(1, min(a, b) + 1):
            if a % d == 0 and b % d == 0:
                best = d
    return best


class TestGcd(unittest.TestCase):
    def test_examples_from_the_handout(self):
        self.assertEqual(gcd(12, 18), 6, "gcd(12, 18) should be 6")
        self.assertEqual(gcd(17, 5), 1, "gcd(17, 5) should be 1")
        self.assertEqual(gcd(7, 0), 7, "gcd(7, 0) should be 7")

    def test_order_does_not_matter(self):
        self.assertEqual(gcd(18, 12), 6, "gcd(18, 12) should be 6")

    def test_one_number_divides_the_other(self):
        self.assertEqual(gcd(6, 24), 6, "gcd(6, 24) should be 6")
        self.assertEqual(gcd(24, 6), 6, "gcd(24, 6) should be 6")

    def test_same_numbers(self):
        self.assertEqual(gcd(13, 13), 13, "gcd(13, 13) should be 13")

    def test_zeros(self):
        self.assertEqual(gcd(0, 9), 9, "gcd(0, 9) should be 9")
        self.assertEqual(gcd(0, 0), 0, "gcd(0, 0) should be 0")

    def test_generated_pairs(self):
        rng = random.Random(1103)
        for _ in range(40):
            common = rng.randint(1, 30)
            a, b = common * rng.randint(0, 300), common * rng.randint(0, 300)
            expected = expected_gcd(a, b)
            self.assertEqual(gcd(a, b), expected, f"gcd({a}, {b}) should be {expected}")


if __name__ == "__main__":
    unittest.main()
