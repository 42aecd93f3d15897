import random
import unittest

from solution import to_fahrenheit


class TestToFahrenheit(unittest.TestCase):
    def check(self, celsius, expected):
        result = to_fahrenheit(celsius)
        call = f"to_fahrenheit({celsius!r})"
        self.assertIsInstance(result, (int, float), f"{call} should return a number, {expected!r}")
        self.assertAlmostEqual(result, expected, msg=f"{call} should be {expected!r}")

    def test_boiling_water(self):
        self.check(100, 212.0)

    def test_freezing_water(self):
        self.check(0, 32.0)

    def test_minus_forty_is_the_same_in_both(self):
        self.check(-40, -40.0)

    def test_body_temperature(self):
        self.check(37, 98.6)

    def test_decimal_temperature(self):
        self.check(36.6, 97.88)
        self.check(-17.5, 0.5)

    def test_generated_temperatures(self):
        rng = random.Random(1005)
        for _ in range(30):
            celsius = rng.randint(-60, 60) if rng.random() < 0.5 else round(rng.uniform(-50, 50), 1)
            expected = round(32 + 1.8 * celsius, 2)
            self.check(celsius, expected)


if __name__ == "__main__":
    unittest.main()
