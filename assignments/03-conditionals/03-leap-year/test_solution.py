import random
import unittest

from solution import is_leap_year


def days_in_february(year):
    """Count like a calendar: centuries are leap only every fourth time."""
    if year % 100 == 0:
        return 29 if (year // 100) % 4 == 0 else 28
    return 29 if year % 4 == 0 else 28


class TestIsLeapYear(unittest.TestCase):
    def check(self, year):
        expected = days_in_february(year) == 29
        result = is_leap_year(year)
        self.assertEqual(result, expected, f"is_leap_year({year}) should be {expected}")
        self.assertIsInstance(result, bool, f"is_leap_year({year}) should be {expected}, a boolean")

    def test_year_divisible_by_four_is_a_leap_year(self):
        self.check(2024)
        self.check(1996)

    def test_ordinary_year_is_not_a_leap_year(self):
        self.check(2023)
        self.check(2019)

    def test_century_is_not_a_leap_year(self):
        self.check(1900)
        self.check(2100)

    def test_year_divisible_by_four_hundred_is_a_leap_year(self):
        self.check(2000)
        self.check(1600)

    def test_year_two_is_not_a_leap_year(self):
        self.check(2)

    def test_generated_years(self):
        rng = random.Random(3003)
        years = [rng.randint(1, 3000) for _ in range(30)]
        years += [rng.randint(1, 30) * 100 for _ in range(10)]
        for year in years:
            self.check(year)


if __name__ == "__main__":
    unittest.main()
