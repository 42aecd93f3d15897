import random
import unittest

from solution import average


class TestAverage(unittest.TestCase):
    def check(self, a, b, c, expected):
        result = average(a, b, c)
        call = f"average({a!r}, {b!r}, {c!r})"
        self.assertIsInstance(result, (int, float), f"{call} should return a number, {expected!r}")
        self.assertAlmostEqual(result, expected, msg=f"{call} should be {expected!r}")

    def test_handout_examples(self):
        self.check(1, 2, 3, 2.0)
        self.check(2, 4, 9, 5.0)
        self.check(1, 2, 2, 5 / 3)

    def test_divides_the_whole_sum(self):
        self.check(3, 3, 3, 3.0)
        self.check(10, 20, 30, 20.0)

    def test_average_that_is_not_a_whole_number(self):
        self.check(1, 1, 2, 4 / 3)
        self.check(10, 20, 25, 55 / 3)

    def test_zeros(self):
        self.check(0, 0, 0, 0.0)

    def test_negative_numbers(self):
        self.check(-3, -6, 0, -3.0)
        self.check(-5, 5, 3, 1.0)

    def test_decimal_numbers(self):
        self.check(1.5, 2.5, 3.5, 2.5)

    def test_order_does_not_matter(self):
        self.check(9, 4, 2, 5.0)

    def test_generated_numbers(self):
        rng = random.Random(1004)
        for _ in range(30):
            a, b, c = (rng.randint(-100, 100) for _ in range(3))
            expected = a / 3 + b / 3 + c / 3
            self.check(a, b, c, expected)


if __name__ == "__main__":
    unittest.main()
