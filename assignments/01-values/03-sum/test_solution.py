import unittest

from solution import sum


class TestSum(unittest.TestCase):
    def test_adds_two_positive_numbers(self):
        self.assertEqual(sum(2, 3), 5, "sum(2, 3) should be 5")

    def test_adds_zero(self):
        self.assertEqual(sum(7, 0), 7, "sum(7, 0) should be 7")

    def test_adds_negative_numbers(self):
        self.assertEqual(sum(-4, 10), 6, "sum(-4, 10) should be 6")
        self.assertEqual(sum(-2, -3), -5, "sum(-2, -3) should be -5")

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


if __name__ == "__main__":
    unittest.main()
