import random
import unittest

from solution import remove_all

# The student's changes to a list argument are copied back into the test's list after each
# call, so the tests check both the list returned and the list given.


def expected_without(items, value):
    kept = []
    for item in items:
        if item != value:
            kept.append(item)
    return kept


class TestRemoveAll(unittest.TestCase):
    def check(self, items, value, expected):
        message = f"remove_all({items!r}, {value!r}) should return {expected!r}"
        self.assertEqual(remove_all(list(items), value), expected, message)

    def test_examples_from_the_handout(self):
        self.check([1, 2, 1, 3, 1], 1, [2, 3])
        self.check(["tea", "milk", "tea"], "tea", ["milk"])

    def test_removes_neighbouring_copies(self):
        self.check([4, 4, 4], 4, [])
        self.check([7, 3, 3, 8, 3, 3], 3, [7, 8])

    def test_value_not_in_list_leaves_list_unchanged(self):
        self.check([5, 6], 9, [5, 6])
        self.check(["a", "b"], "c", ["a", "b"])

    def test_changes_the_list_it_was_given(self):
        shopping = ["eggs", "jam", "eggs"]
        remove_all(shopping, "eggs")
        self.assertEqual(
            shopping, ["jam"],
            'shopping = ["eggs", "jam", "eggs"]; after remove_all(shopping, "eggs"), shopping itself should be ["jam"]',
        )

    def test_empty_list(self):
        self.check([], 1, [])

    def test_copies_at_both_ends(self):
        self.check([0, 1, 2, 0], 0, [1, 2])

    def test_other_values_keep_their_order(self):
        self.check([3, 9, 1, 9, 2, 9, 0], 9, [3, 1, 2, 0])

    def test_strings_are_compared_exactly(self):
        self.check(["Tea", "tea", "TEA"], "tea", ["Tea", "TEA"])

    def test_generated_inputs(self):
        rng = random.Random(5404)
        for _ in range(30):
            items = [rng.randint(0, 4) for _ in range(rng.randint(0, 12))]
            value = rng.randint(0, 4)
            self.check(items, value, expected_without(items, value))


if __name__ == "__main__":
    unittest.main()
