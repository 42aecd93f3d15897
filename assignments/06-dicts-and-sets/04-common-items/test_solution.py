import random
import unittest

from solution import common_items


def expected_common(first, second):
    # Without sets: walk the first list, keep new values the second list also has.
    kept = []
    for value in first:
        if value in second and value not in kept:
            kept.append(value)
    kept.sort()
    return kept


class TestCommonItems(unittest.TestCase):
    def check(self, first, second, expected):
        message = f"common_items({first!r}, {second!r}) should be {expected!r}"
        self.assertEqual(common_items(first, second), expected, message)

    def test_examples_from_the_handout(self):
        self.check([1, 2, 3, 4], [3, 4, 5], [3, 4])
        self.check(["pear", "fig", "fig"], ["fig", "kiwi", "pear"], ["fig", "pear"])

    def test_each_value_appears_once(self):
        self.check([7, 7, 7], [7, 7], [7])
        self.check([1, 2, 1, 2], [2, 1], [1, 2])

    def test_result_is_sorted(self):
        self.check([10, 3, 7, 12], [12, 7, 3, 10, 1], [3, 7, 10, 12])
        self.check([40, 9, 33, 2], [2, 33, 9, 40], [2, 9, 33, 40])

    def test_nothing_in_common(self):
        self.check([1, 2], [3, 4], [])

    def test_empty_lists(self):
        self.check([1, 2], [], [])
        self.check([], [1, 2], [])
        self.check([], [], [])

    def test_strings_are_compared_exactly(self):
        self.check(["Fig", "pear"], ["fig", "pear"], ["pear"])

    def test_generated_inputs(self):
        rng = random.Random(6404)
        for _ in range(30):
            first = [rng.randint(0, 20) for _ in range(rng.randint(0, 10))]
            second = [rng.randint(0, 20) for _ in range(rng.randint(0, 10))]
            self.check(first, second, expected_common(first, second))


if __name__ == "__main__":
    unittest.main()
