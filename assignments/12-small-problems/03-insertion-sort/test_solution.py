import random
import unittest

from solution import insertion_sort


def expected_sorted(numbers):
    # Selection sort: repeatedly take out the smallest number left.
    left = list(numbers)
    result = []
    while left:
        smallest = min(left)
        left.remove(smallest)
        result.append(smallest)
    return result


class TestInsertionSort(unittest.TestCase):
    def test_examples_from_the_handout(self):
        self.assertEqual(insertion_sort([5, 2, 9, 1]), [1, 2, 5, 9], "insertion_sort([5, 2, 9, 1]) should be [1, 2, 5, 9]")
        self.assertEqual(insertion_sort([3, 1, 3]), [1, 3, 3], "insertion_sort([3, 1, 3]) should be [1, 3, 3]")

    def test_leaves_the_given_list_alone(self):
        numbers = [5, 2, 9, 1]
        insertion_sort(numbers)
        self.assertEqual(
            numbers, [5, 2, 9, 1],
            "numbers = [5, 2, 9, 1]; after insertion_sort(numbers), numbers itself should still be [5, 2, 9, 1]",
        )

    def test_empty_list(self):
        self.assertEqual(insertion_sort([]), [], "insertion_sort([]) should be []")

    def test_one_number(self):
        self.assertEqual(insertion_sort([42]), [42], "insertion_sort([42]) should be [42]")

    def test_keeps_every_duplicate(self):
        self.assertEqual(insertion_sort([2, 2, 1, 2]), [1, 2, 2, 2], "insertion_sort([2, 2, 1, 2]) should be [1, 2, 2, 2]")

    def test_already_sorted_and_reversed(self):
        self.assertEqual(insertion_sort([1, 2, 3, 4]), [1, 2, 3, 4], "insertion_sort([1, 2, 3, 4]) should be [1, 2, 3, 4]")
        self.assertEqual(insertion_sort([4, 3, 2, 1]), [1, 2, 3, 4], "insertion_sort([4, 3, 2, 1]) should be [1, 2, 3, 4]")

    def test_negative_numbers_and_decimals(self):
        self.assertEqual(
            insertion_sort([0, -3, 2.5, -10]), [-10, -3, 0, 2.5],
            "insertion_sort([0, -3, 2.5, -10]) should be [-10, -3, 0, 2.5]",
        )

    def test_generated_lists(self):
        rng = random.Random(1203)
        for _ in range(40):
            numbers = [rng.randint(-50, 50) for _ in range(rng.randint(0, 30))]
            expected = expected_sorted(numbers)
            self.assertEqual(insertion_sort(numbers), expected, f"insertion_sort({numbers}) should be {expected}")


if __name__ == "__main__":
    unittest.main()
