import random
import unittest

from solution import first_repeat


def expected_repeat(items):
    # Finds the earliest position whose item also occurs before it.
    for position in range(len(items)):
        if items[position] in items[:position]:
            return items[position]
    return None


class TestFirstRepeat(unittest.TestCase):
    def check(self, items, expected):
        message = f"first_repeat({items!r}) should be {expected!r}"
        if expected is None:
            self.assertIsNone(first_repeat(items), message)
        else:
            self.assertEqual(first_repeat(items), expected, message)

    def test_examples_from_the_handout(self):
        self.check(["a", "b", "c", "b", "a"], "b")
        self.check([3, 1, 4, 1, 5, 3], 1)

    def test_the_earliest_second_appearance_wins(self):
        self.check([5, 6, 7, 7, 6, 5], 7)
        self.check(["x", "y", "y", "x"], "y")

    def test_repeat_right_next_to_each_other(self):
        self.check([9, 9], 9)

    def test_no_repeat_gives_none(self):
        self.check([1, 2, 3], None)
        self.check(["only"], None)

    def test_empty_list_gives_none(self):
        self.check([], None)

    def test_zero_can_be_the_repeat(self):
        self.check([0, 1, 0], 0)
        self.check(["", "a", ""], "")

    def test_generated_inputs(self):
        rng = random.Random(6505)
        for _ in range(40):
            items = [rng.randint(0, 25) for _ in range(rng.randint(0, 10))]
            self.check(items, expected_repeat(items))


if __name__ == "__main__":
    unittest.main()
