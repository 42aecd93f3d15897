import random
import unittest

from solution import binary_search

NUMBERS = [2, 5, 8, 12, 16, 23]


def expected_index(numbers, target):
    for index, number in enumerate(numbers):
        if number == target:
            return index
    return -1


class TestBinarySearch(unittest.TestCase):
    def test_examples_from_the_handout(self):
        self.assertEqual(binary_search(NUMBERS, 12), 3, f"binary_search({NUMBERS}, 12) should be 3")
        self.assertEqual(binary_search(NUMBERS, 2), 0, f"binary_search({NUMBERS}, 2) should be 0")
        self.assertEqual(binary_search(NUMBERS, 7), -1, f"binary_search({NUMBERS}, 7) should be -1")

    def test_empty_list(self):
        self.assertEqual(binary_search([], 4), -1, "binary_search([], 4) should be -1")

    def test_one_item_list(self):
        self.assertEqual(binary_search([9], 9), 0, "binary_search([9], 9) should be 0")
        self.assertEqual(binary_search([9], 3), -1, "binary_search([9], 3) should be -1")

    def test_first_and_last_items(self):
        self.assertEqual(binary_search(NUMBERS, 23), 5, f"binary_search({NUMBERS}, 23) should be 5")
        self.assertEqual(binary_search([1, 3], 3), 1, "binary_search([1, 3], 3) should be 1")

    def test_target_outside_the_list(self):
        self.assertEqual(binary_search(NUMBERS, 1), -1, f"binary_search({NUMBERS}, 1) should be -1")
        self.assertEqual(binary_search(NUMBERS, 99), -1, f"binary_search({NUMBERS}, 99) should be -1")

    def test_negative_numbers(self):
        numbers = [-40, -7, -3, 0, 4]
        self.assertEqual(binary_search(numbers, -7), 1, f"binary_search({numbers}, -7) should be 1")

    def test_generated_lists(self):
        rng = random.Random(1202)
        for _ in range(40):
            numbers = sorted(rng.sample(range(-500, 500), rng.randint(1, 60)))
            target = rng.choice(numbers) if rng.random() < 0.6 else rng.randint(-520, 520)
            expected = expected_index(numbers, target)
            self.assertEqual(binary_search(numbers, target), expected, f"binary_search({numbers}, {target}) should be {expected}")


if __name__ == "__main__":
    unittest.main()
