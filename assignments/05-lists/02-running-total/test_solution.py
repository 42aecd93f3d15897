import random
import unittest

from solution import running_total


def expected_totals(numbers):
    # Sums each prefix from scratch: slower, but obviously right.
    return [sum(numbers[: i + 1]) for i in range(len(numbers))]


class TestRunningTotal(unittest.TestCase):
    def check(self, numbers, expected):
        message = f"running_total({numbers}) should be {expected}"
        self.assertEqual(running_total(numbers), expected, message)

    def test_examples_from_the_handout(self):
        self.check([1, 2, 3, 4], [1, 3, 6, 10])
        self.check([5, -2, 10], [5, 3, 13])

    def test_one_number(self):
        self.check([7], [7])

    def test_first_item_is_the_first_number(self):
        self.check([4, 1], [4, 5])

    def test_empty_list_gives_empty_list(self):
        self.check([], [])

    def test_zeros_and_negative_numbers(self):
        self.check([0, 0, 3], [0, 0, 3])
        self.check([-1, -1, -1], [-1, -2, -3])

    def test_result_has_the_same_length(self):
        numbers = [2, 2, 2, 2, 2, 2]
        result = running_total(numbers)
        self.assertIsInstance(result, list, f"running_total({numbers}) should return a list")
        message = f"running_total({numbers}) should have {len(numbers)} items, one per number"
        self.assertEqual(len(result), len(numbers), message)

    def test_generated_inputs(self):
        rng = random.Random(5202)
        for _ in range(30):
            numbers = [rng.randint(-100, 100) for _ in range(rng.randint(0, 10))]
            self.check(numbers, expected_totals(numbers))


if __name__ == "__main__":
    unittest.main()
