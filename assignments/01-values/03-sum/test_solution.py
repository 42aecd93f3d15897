import random
import unittest

from solution import sum


class TestSum(unittest.TestCase):
    def test_adds_two_positive_numbers(self):
        self.assertEqual(sum(2, 3), 5, "sum(2, 3) should be 5")

    def test_adds_zero(self):
        self.assertEqual(sum(7, 0), 7, "sum(7, 0) should be 7")
        self.assertEqual(sum(0, 0), 0, "sum(0, 0) should be 0")

    def test_adds_negative_numbers(self):
        self.assertEqual(sum(-4, 10), 6, "sum(-4, 10) should be 6")
        self.assertEqual(sum(-2, -3), -5, "sum(-2, -3) should be -5")

    def test_order_does_not_matter(self):
        self.assertEqual(sum(10, -4), 6, "sum(10, -4) should be 6")

    def test_adds_large_numbers(self):
        self.assertEqual(
            sum(123456789, 987654321), 1111111110,
            "sum(123456789, 987654321) should be 1111111110",
        )

    def test_adds_floats(self):
        result = sum(1.5, 2.25)
        self.assertIsInstance(result, float, "sum(1.5, 2.25) should return a number (3.75)")
        self.assertAlmostEqual(result, 3.75, msg="sum(1.5, 2.25) should be 3.75")

    def test_adds_floats_with_rounding(self):
        result = sum(0.1, 0.2)
        self.assertIsInstance(result, float, "sum(0.1, 0.2) should return a number (about 0.3)")
        self.assertAlmostEqual(
            result, 0.3,
            msg="sum(0.1, 0.2) should be (very close to) 0.3",
        )

    def test_generated_numbers(self):
        rng = random.Random(1003)
        for _ in range(30):
            if rng.random() < 0.5:
                a, b = rng.randint(-1000, 1000), rng.randint(-1000, 1000)
            else:
                a, b = round(rng.uniform(-100, 100), 2), round(rng.uniform(-100, 100), 2)
            expected = b - (-a)
            result = sum(a, b)
            self.assertIsInstance(result, (int, float), f"sum({a!r}, {b!r}) should return a number")
            self.assertAlmostEqual(result, expected, msg=f"sum({a!r}, {b!r}) should be {expected!r}")


if __name__ == "__main__":
    unittest.main()
