import random
import unittest

from solution import first_letters


def expected_letters(words):
    letters = set()
    for word in words:
        if len(word) > 0:
            letters.add(word[:1].lower())
    return letters


class TestFirstLetters(unittest.TestCase):
    def test_example_from_the_handout(self):
        self.assertEqual(
            first_letters(["Apple", "avocado", "Banana", "cherry"]), {"a", "b", "c"},
            'first_letters(["Apple", "avocado", "Banana", "cherry"]) should be {"a", "b", "c"}',
        )

    def test_returns_a_set(self):
        self.assertIsInstance(first_letters(["hi", "ho"]), set, 'first_letters(["hi", "ho"]) should return a set, {"h"}')

    def test_capital_letters_become_small(self):
        self.assertEqual(first_letters(["Zebra", "ZOO"]), {"z"}, 'first_letters(["Zebra", "ZOO"]) should be {"z"}')

    def test_empty_words_are_skipped(self):
        self.assertEqual(first_letters(["Kiwi", "kale", ""]), {"k"}, 'first_letters(["Kiwi", "kale", ""]) should be {"k"}')
        self.assertEqual(first_letters(["", ""]), set(), 'first_letters(["", ""]) should be set() (an empty set)')

    def test_empty_list_gives_empty_set(self):
        self.assertEqual(first_letters([]), set(), "first_letters([]) should be set() (an empty set)")

    def test_generated_word_lists(self):
        rng = random.Random(8003)
        for _ in range(30):
            words = ["".join(rng.choice("aAbBcCdDeEqQ") for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(0, 8))]
            expected = expected_letters(words)
            self.assertEqual(first_letters(words), expected, f"first_letters({words!r}) should be {sorted(expected)} as a set")


if __name__ == "__main__":
    unittest.main()
