import unittest

from solution import flatten


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


if __name__ == "__main__":
    unittest.main()
