import unittest

from solution import evens


class TestEvens(unittest.TestCase):
    def test_keeps_only_even_numbers(self):
        self.assertEqual(
            evens([1, 2, 3, 4, 5, 6]), [2, 4, 6],
            "evens([1, 2, 3, 4, 5, 6]) should be [2, 4, 6]",
        )

    def test_keeps_the_original_order(self):
        self.assertEqual(
            evens([10, 3, 4, 8, 2]), [10, 4, 8, 2],
            "evens([10, 3, 4, 8, 2]) should be [10, 4, 8, 2] (same order as the input)",
        )

    def test_zero_and_negative_numbers_can_be_even(self):
        self.assertEqual(
            evens([7, -2, 0, 9, -5]), [-2, 0],
            "evens([7, -2, 0, 9, -5]) should be [-2, 0]",
        )

    def test_list_with_no_even_numbers_gives_empty_list(self):
        self.assertEqual(evens([1, 3, 5]), [], "evens([1, 3, 5]) should be []")

    def test_empty_list_gives_empty_list(self):
        self.assertEqual(evens([]), [], "evens([]) should be []")


if __name__ == "__main__":
    unittest.main()
