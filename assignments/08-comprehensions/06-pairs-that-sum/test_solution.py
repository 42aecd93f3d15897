import random
import unittest

from solution import pairs_summing_to


def expected_pairs(numbers, target):
    pairs = []
    for i, first in enumerate(numbers):
        for second in numbers[i + 1:]:
            if first + second == target:
                pairs.append((first, second))
    return pairs


class TestPairsSummingTo(unittest.TestCase):
    def test_example_from_the_handout(self):
        self.assertEqual(
            pairs_summing_to([1, 2, 3, 4], 5), [(1, 4), (2, 3)], "pairs_summing_to([1, 2, 3, 4], 5) should be [(1, 4), (2, 3)]"
        )

    def test_equal_numbers_at_different_places_make_pairs(self):
        self.assertEqual(
            pairs_summing_to([3, 3, 3], 6), [(3, 3), (3, 3), (3, 3)],
            "pairs_summing_to([3, 3, 3], 6) should be [(3, 3), (3, 3), (3, 3)]",
        )

    def test_a_number_is_not_paired_with_itself(self):
        self.assertEqual(pairs_summing_to([5], 10), [], "pairs_summing_to([5], 10) should be []")
        self.assertEqual(pairs_summing_to([5, 1], 10), [], "pairs_summing_to([5, 1], 10) should be []")

    def test_each_pair_once_in_list_order(self):
        self.assertEqual(
            pairs_summing_to([4, -1, 6, 1], 5), [(4, 1), (-1, 6)], "pairs_summing_to([4, -1, 6, 1], 5) should be [(4, 1), (-1, 6)]"
        )

    def test_pairs_are_tuples(self):
        self.assertEqual(pairs_summing_to([2, 8], 10), [(2, 8)], "pairs_summing_to([2, 8], 10) should be [(2, 8)]")

    def test_empty_list_gives_no_pairs(self):
        self.assertEqual(pairs_summing_to([], 0), [], "pairs_summing_to([], 0) should be []")

    def test_generated_lists(self):
        rng = random.Random(8006)
        for _ in range(30):
            numbers = [rng.randint(-5, 10) for _ in range(rng.randint(0, 9))]
            target = rng.randint(-3, 15)
            expected = expected_pairs(numbers, target)
            self.assertEqual(
                pairs_summing_to(numbers, target), expected, f"pairs_summing_to({numbers}, {target}) should be {expected}"
            )


if __name__ == "__main__":
    unittest.main()
