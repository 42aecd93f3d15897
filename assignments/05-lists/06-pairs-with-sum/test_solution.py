import random
import unittest

from solution import pairs_with_sum


def expected_pairs(numbers, target):
    # Walks the second position and looks back, then sorts the pairs into the handout's order.
    found = []
    for j, second in enumerate(numbers):
        for i in range(j):
            if numbers[i] + second == target:
                found.append((i, j))
    return [[numbers[i], numbers[j]] for i, j in sorted(found)]


class TestPairsWithSum(unittest.TestCase):
    def check(self, numbers, target, expected):
        message = f"pairs_with_sum({numbers}, {target}) should be {expected}"
        self.assertEqual(pairs_with_sum(numbers, target), expected, message)

    def test_examples_from_the_handout(self):
        self.check([1, 2, 3, 4], 5, [[1, 4], [2, 3]])
        self.check([2, 5], 4, [])

    def test_a_number_is_not_paired_with_itself(self):
        self.check([2, 3, 5], 4, [])
        self.check([1, 5, 3], 10, [])

    def test_equal_numbers_at_different_positions_pair_up(self):
        self.check([3, 3, 3], 6, [[3, 3], [3, 3], [3, 3]])
        self.check([5, 1, 5], 10, [[5, 5]])

    def test_each_pair_once(self):
        self.check([4, 1], 5, [[4, 1]])
        self.check([6, 0, 2, 4], 6, [[6, 0], [2, 4]])

    def test_pairs_in_order_of_positions(self):
        self.check([1, 9, 2, 8, 5, 5], 10, [[1, 9], [2, 8], [5, 5]])
        self.check([7, 3, 7, 3], 10, [[7, 3], [7, 3], [3, 7], [7, 3]])

    def test_negative_numbers_and_zero(self):
        self.check([-2, 0, 2, 4], 2, [[-2, 4], [0, 2]])
        self.check([-1, 1, 0], 0, [[-1, 1]])

    def test_short_lists_give_no_pairs(self):
        self.check([], 3, [])
        self.check([3], 6, [])

    def test_generated_inputs(self):
        rng = random.Random(5606)
        for _ in range(30):
            numbers = [rng.randint(-5, 10) for _ in range(rng.randint(0, 10))]
            target = rng.randint(-4, 15)
            self.check(numbers, target, expected_pairs(numbers, target))


if __name__ == "__main__":
    unittest.main()
