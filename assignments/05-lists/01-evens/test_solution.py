import random
import unittest

from solution import evens


def expected_evens(numbers):
    return [n for n in numbers if n % 2 == 0]


class TestEvens(unittest.TestCase):
    def check(self, numbers, expected):
        message = f"evens({numbers}) should be {expected}"
        self.assertEqual(evens(numbers), expected, message)

    def test_keeps_only_even_numbers(self):
        self.check([1, 2, 3, 4, 5, 6], [2, 4, 6])

    def test_keeps_the_original_order(self):
        self.check([10, 3, 4, 8, 2], [10, 4, 8, 2])

    def test_zero_and_negative_numbers_can_be_even(self):
        self.check([7, -2, 0, 9, -5], [-2, 0])

    def test_list_with_no_even_numbers_gives_empty_list(self):
        self.check([1, 3, 5], [])

    def test_odd_numbers_next_to_each_other(self):
        self.check([2, 1, 3, 5, 4, 7, 9], [2, 4])

    def test_duplicates_are_kept(self):
        self.check([4, 4, 1, 4], [4, 4, 4])

    def test_empty_list_gives_empty_list(self):
        self.check([], [])

    def test_generated_inputs(self):
        rng = random.Random(5101)
        for _ in range(30):
            numbers = [rng.randint(-50, 50) for _ in range(rng.randint(0, 12))]
            self.check(numbers, expected_evens(numbers))


if __name__ == "__main__":
    unittest.main()
