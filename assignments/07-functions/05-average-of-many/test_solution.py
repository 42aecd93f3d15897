import random
import unittest

from solution import average


def expected_average(values):
    total = 0
    for value in values:
        total += value
    return total / len(values)


class TestAverage(unittest.TestCase):
    def check_average(self, result, expected, call):
        self.assertIsInstance(result, (int, float), f"{call} should return the number {round(expected, 6)!r}")
        self.assertAlmostEqual(result, expected, msg=f"{call} should be {round(expected, 6)!r}")

    def test_two_numbers(self):
        self.check_average(average(2, 4), 3.0, "average(2, 4)")

    def test_four_numbers(self):
        self.check_average(average(1, 2, 3, 4), 2.5, "average(1, 2, 3, 4)")

    def test_one_number(self):
        self.check_average(average(7), 7.0, "average(7)")

    def test_no_numbers_gives_none(self):
        self.assertIsNone(average(), "average() should return None")

    def test_negative_numbers_and_decimals(self):
        self.check_average(average(-3, 3), 0.0, "average(-3, 3)")
        self.check_average(average(0.5, 1.5, -5), -1.0, "average(0.5, 1.5, -5)")

    def test_generated_numbers(self):
        rng = random.Random(7005)
        for _ in range(30):
            values = [rng.choice([rng.randint(-50, 100), round(rng.uniform(-10, 10), 2)]) for _ in range(rng.randint(1, 8))]
            expected = expected_average(values)
            shown = ", ".join(repr(v) for v in values)
            self.check_average(average(*values), expected, f"average({shown})")


if __name__ == "__main__":
    unittest.main()
