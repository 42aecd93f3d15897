import random
import unittest

from solution import flatten


def expected_flat(nested):
    # Without recursion: a to-do list of items still to look at, front first.
    todo, result = list(nested), []
    while todo:
        item = todo.pop(0)
        if isinstance(item, list):
            todo = item + todo
        else:
            result.append(item)
    return result


def generated_nested(rng, depth):
    items = []
    for _ in range(rng.randint(0, 4)):
        if depth > 0 and rng.random() < 0.4:
            items.append(generated_nested(rng, depth - 1))
        else:
            items.append(rng.randint(-9, 99))
    return items


class TestFlatten(unittest.TestCase):
    def test_flat_list_stays_the_same(self):
        self.assertEqual(
            flatten([1, 2, 3]), [1, 2, 3], "flatten([1, 2, 3]) should be [1, 2, 3]"
        )

    def test_flattens_one_level_of_nesting(self):
        self.assertEqual(
            flatten([1, [2, 3], 4]), [1, 2, 3, 4],
            "flatten([1, [2, 3], 4]) should be [1, 2, 3, 4]",
        )

    def test_flattens_deeply_nested_lists(self):
        self.assertEqual(
            flatten([[1, [2, [3, [4]]]], 5]), [1, 2, 3, 4, 5],
            "flatten([[1, [2, [3, [4]]]], 5]) should be [1, 2, 3, 4, 5] (call flatten on inner lists)",
        )

    def test_works_with_strings(self):
        self.assertEqual(
            flatten(["a", ["b", ["c"]], "d"]), ["a", "b", "c", "d"],
            'flatten(["a", ["b", ["c"]], "d"]) should be ["a", "b", "c", "d"]',
        )

    def test_empty_lists_disappear(self):
        self.assertEqual(flatten([[], [[]]]), [], "flatten([[], [[]]]) should be []")
        self.assertEqual(flatten([]), [], "flatten([]) should be []")

    def test_one_item_deep_inside(self):
        self.assertEqual(flatten([[[[7]]]]), [7], "flatten([[[[7]]]]) should be [7]")

    def test_keeps_duplicates_and_order(self):
        self.assertEqual(
            flatten([3, [3, [1]], 3]), [3, 3, 1, 3],
            "flatten([3, [3, [1]], 3]) should be [3, 3, 1, 3] (keep every value, in order)",
        )

    def test_generated_nested_lists(self):
        rng = random.Random(1104)
        for _ in range(40):
            nested = generated_nested(rng, rng.randint(1, 5))
            expected = expected_flat(nested)
            self.assertEqual(flatten(nested), expected, f"flatten({nested!r}) should be {expected!r}")


if __name__ == "__main__":
    unittest.main()
