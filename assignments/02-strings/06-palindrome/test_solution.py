import random
import unittest

from solution import is_palindrome


def reads_both_ways(text):
    """Walk in from both ends over the letters only, comparing them case-blind."""
    letters = [char.lower() for char in text if char != " "]
    left, right = 0, len(letters) - 1
    while left < right:
        if letters[left] != letters[right]:
            return False
        left, right = left + 1, right - 1
    return True


class TestIsPalindrome(unittest.TestCase):
    def check(self, text, expected):
        result = is_palindrome(text)
        self.assertEqual(result, expected, f"is_palindrome({text!r}) should be {expected}")
        self.assertIsInstance(result, bool, f"is_palindrome({text!r}) should be {expected}, a boolean")

    def test_simple_palindrome_word(self):
        self.check("racecar", True)

    def test_word_that_is_not_a_palindrome(self):
        self.check("hello", False)

    def test_ignores_upper_and_lower_case(self):
        self.check("Level", True)
        self.check("Abba", True)

    def test_ignores_spaces(self):
        self.check("Never odd or even", True)
        self.check("step on no pets", True)

    def test_sentence_that_is_not_a_palindrome(self):
        self.check("Python is fun", False)

    def test_almost_a_palindrome(self):
        self.check("abca", False)
        self.check("racecars", False)

    def test_empty_text_is_a_palindrome(self):
        self.check("", True)

    def test_single_letter_and_only_spaces(self):
        self.check("x", True)
        self.check("   ", True)

    def test_two_different_letters(self):
        self.check("ab", False)

    def test_generated_texts(self):
        rng = random.Random(2006)
        for _ in range(40):
            half = "".join(rng.choice("abcdeABCDE  ") for _ in range(rng.randint(0, 8)))
            middle = rng.choice(["", "x", "Y"])
            text = half + middle + half[::-1].swapcase()
            if rng.random() < 0.5 and text.strip():
                cut = rng.randrange(len(text))
                text = text[:cut] + rng.choice("fgh") + text[cut + 1:]
            for _ in range(rng.randint(0, 2)):
                cut = rng.randint(0, len(text))
                text = text[:cut] + " " + text[cut:]
            self.check(text, reads_both_ways(text))


if __name__ == "__main__":
    unittest.main()
