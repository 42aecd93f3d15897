import random
import unittest

from solution import depth


def expected_depth(value):
    # Without recursion: the deepest bracket level in the list's text form.
    if not isinstance(value, list):
        return 0
    level = deepest = 0
    for char in repr(value):
        if char == "[":
            level += 1
            deepest = max(deepest, level)
        elif char == "]":
            level -= 1
    return deepest


def generated_nested(rng, levels):
    items = []
    for _ in range(rng.randint(0, 4)):
        if levels > 0 and rng.random() < 0.5:
            items.append(generated_nested(rng, levels - 1))
        else:
            items.append(rng.randint(0, 99))
    return items


class TestDepth(unittest.TestCase):
    def test_examples_from_the_handout(self):
        self.assertEqual(depth(7), 0, "depth(7) should be 0 (7 is not a list)")
        self.assertEqual(depth([1, 2, 3]), 1, "depth([1, 2, 3]) should be 1")
        self.assertEqual(depth([1, [2, [3]], [4]]), 3, "depth([1, [2, [3]], [4]]) should be 3")

    def test_empty_list_has_depth_one(self):
        self.assertEqual(depth([]), 1, "depth([]) should be 1")
        self.assertEqual(depth([[]]), 2, "depth([[]]) should be 2")
        self.assertEqual(depth([[[]]]), 3, "depth([[[]]]) should be 3")

    def test_strings_are_not_lists(self):
        self.assertEqual(depth("abc"), 0, 'depth("abc") should be 0 (a string is not a list)')
        self.assertEqual(depth(["abc", "de"]), 1, 'depth(["abc", "de"]) should be 1')

    def test_deepest_item_is_not_the_first(self):
        self.assertEqual(depth([1, 2, [3, [4, [5]]]]), 4, "depth([1, 2, [3, [4, [5]]]]) should be 4")
        self.assertEqual(depth([[1], 2, [[3]]]), 3, "depth([[1], 2, [[3]]]) should be 3")

    def test_generated_nested_lists(self):
        rng = random.Random(1105)
        for _ in range(40):
            value = generated_nested(rng, rng.randint(0, 6))
            expected = expected_depth(value)
            self.assertEqual(depth(value), expected, f"depth({value!r}) should be {expected}")


if __name__ == "__main__":
    unittest.main()
