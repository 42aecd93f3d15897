import calendar
import random
import unittest

from solution import days_in_month, is_leap_year

MONTHS_2023 = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


class TestDaysInMonth(unittest.TestCase):
    def test_years_that_divide_by_4_are_leap_years(self):
        for year in [2024, 1996, 4, 2008]:
            self.assertEqual(is_leap_year(year), True, f"is_leap_year({year}) should be True")

    def test_other_years_are_not_leap_years(self):
        for year in [2023, 2019, 1, 2022]:
            self.assertEqual(is_leap_year(year), False, f"is_leap_year({year}) should be False")

    def test_century_years_are_not_leap_years(self):
        for year in [1900, 1800, 2100, 1700]:
            self.assertEqual(is_leap_year(year), False, f"is_leap_year({year}) should be False (it divides by 100)")

    def test_years_that_divide_by_400_are_leap_years(self):
        for year in [2000, 1600, 2400]:
            self.assertEqual(is_leap_year(year), True, f"is_leap_year({year}) should be True (it divides by 400)")

    def test_every_month_of_2023(self):
        for month, days in enumerate(MONTHS_2023, start=1):
            self.assertEqual(days_in_month(month, 2023), days, f"days_in_month({month}, 2023) should be {days}")

    def test_february_has_29_days_in_leap_years(self):
        for year in [2024, 2000, 1996]:
            self.assertEqual(days_in_month(2, year), 29, f"days_in_month(2, {year}) should be 29")
        self.assertEqual(days_in_month(2, 1900), 28, "days_in_month(2, 1900) should be 28 (1900 is not a leap year)")

    def test_generated_years_and_months(self):
        rng = random.Random(7004)
        for _ in range(40):
            year = rng.choice([rng.randint(1, 3000), rng.randint(1, 30) * 100])
            month = rng.randint(1, 12)
            leap = calendar.isleap(year)
            self.assertEqual(is_leap_year(year), leap, f"is_leap_year({year}) should be {leap}")
            days = calendar.monthrange(year, month)[1]
            self.assertEqual(days_in_month(month, year), days, f"days_in_month({month}, {year}) should be {days}")


if __name__ == "__main__":
    unittest.main()
