import random
import unittest

from solution import squares_of_odds


class TestSquaresOfOdds(unittest.TestCase):
    def test_squares_only_the_odd_numbers(self):
        self.assertEqual(
            squares_of_odds([1, 2, 3, 4, 5]), [1, 9, 25],
            "squares_of_odds([1, 2, 3, 4, 5]) should be [1, 9, 25]",
        )

    def test_keeps_the_original_order(self):
        self.assertEqual(
            squares_of_odds([7, 1, 5]), [49, 1, 25],
            "squares_of_odds([7, 1, 5]) should be [49, 1, 25] (same order as the input)",
        )

    def test_negative_odd_numbers_are_squared(self):
        self.assertEqual(
            squares_of_odds([-3, 6, -1]), [9, 1],
            "squares_of_odds([-3, 6, -1]) should be [9, 1] (negative odd numbers count too)",
        )

    def test_only_even_numbers_gives_empty_list(self):
        self.assertEqual(
            squares_of_odds([2, 4, 0]), [], "squares_of_odds([2, 4, 0]) should be []"
        )

    def test_empty_list_gives_empty_list(self):
        self.assertEqual(squares_of_odds([]), [], "squares_of_odds([]) should be []")

    def test_generated_lists(self):
        rng = random.Random(8001)
        for _ in range(30):
            numbers = [rng.randint(-20, 20) for _ in range(rng.randint(0, 10))]
            expected = []
            for n in numbers:
                if n % 2 == 1:
                    expected.append(n ** 2)
            self.assertEqual(squares_of_odds(numbers), expected, f"squares_of_odds({numbers}) should be {expected}")


if __name__ == "__main__":
    unittest.main()
