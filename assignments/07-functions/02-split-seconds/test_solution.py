import random
import unittest

from solution import split_seconds


def expected_split(total):
    minutes, seconds = divmod(total, 60)
    hours, minutes = divmod(minutes, 60)
    return (hours, minutes, seconds)


class TestSplitSeconds(unittest.TestCase):
    def test_examples_from_the_handout(self):
        self.assertEqual(split_seconds(3725), (1, 2, 5), "split_seconds(3725) should be (1, 2, 5)")
        self.assertEqual(split_seconds(59), (0, 0, 59), "split_seconds(59) should be (0, 0, 59)")
        self.assertEqual(split_seconds(90000), (25, 0, 0), "split_seconds(90000) should be (25, 0, 0)")

    def test_returns_a_tuple(self):
        result = split_seconds(61)
        self.assertIsInstance(result, tuple, "split_seconds(61) should return a tuple like (0, 1, 1), not a list")

    def test_zero_seconds(self):
        self.assertEqual(split_seconds(0), (0, 0, 0), "split_seconds(0) should be (0, 0, 0)")

    def test_exact_minutes_and_hours(self):
        self.assertEqual(split_seconds(60), (0, 1, 0), "split_seconds(60) should be (0, 1, 0)")
        self.assertEqual(split_seconds(3600), (1, 0, 0), "split_seconds(3600) should be (1, 0, 0)")
        self.assertEqual(split_seconds(3599), (0, 59, 59), "split_seconds(3599) should be (0, 59, 59)")

    def test_minutes_stay_below_60(self):
        self.assertEqual(split_seconds(7384), (2, 3, 4), "split_seconds(7384) should be (2, 3, 4)")

    def test_generated_numbers_of_seconds(self):
        rng = random.Random(7002)
        for _ in range(40):
            total = rng.randint(0, 400000)
            self.assertEqual(split_seconds(total), expected_split(total), f"split_seconds({total}) should be {expected_split(total)}")


if __name__ == "__main__":
    unittest.main()
