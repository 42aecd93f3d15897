import random
import unittest

from solution import above_average


def expected_above(numbers):
    # Compares n * count with the sum, so no division (and no rounding) is involved.
    total, count = sum(numbers), len(numbers)
    return [n for n in numbers if n * count > total]


class TestAboveAverage(unittest.TestCase):
    def check(self, numbers, expected):
        message = f"above_average({numbers}) should be {expected}"
        self.assertEqual(above_average(numbers), expected, message)

    def test_examples_from_the_handout(self):
        self.check([2, 4, 9], [9])
        self.check([1, 2, 3, 4, 5], [4, 5])

    def test_numbers_equal_to_the_average_are_left_out(self):
        self.check([10, 10, 10], [])
        self.check([1, 2, 3], [3])

    def test_keeps_the_original_order(self):
        self.check([9, 1, 8, 2, 7], [9, 8, 7])

    def test_average_that_is_not_a_whole_number(self):
        self.check([1, 2], [2])
        self.check([3, 4, 4], [4, 4])

    def test_negative_numbers(self):
        self.check([-3, 0, 3, 10], [3, 10])
        self.check([-5, -1, -9], [-1])

    def test_one_number(self):
        self.check([42], [])

    def test_empty_list_gives_empty_list(self):
        self.check([], [])

    def test_generated_inputs(self):
        rng = random.Random(5303)
        for _ in range(30):
            numbers = [rng.randint(-50, 50) for _ in range(rng.randint(1, 12))]
            self.check(numbers, expected_above(numbers))


if __name__ == "__main__":
    unittest.main()
