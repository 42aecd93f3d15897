import random
import unittest

from solution import letter_score, word_score

POINTS = {**dict.fromkeys("aeiouAEIOU", 1), **dict.fromkeys("jqxzJQXZ", 8)}


def expected_letter(char):  # the oracle: a table, unlike the reference's ifs
    if char in POINTS:
        return POINTS[char]
    return 2 if "a" <= char.lower() <= "z" else 0


def expected_word(word):
    return sum(expected_letter(char) for char in word)


class TestWordScore(unittest.TestCase):
    def check_letter(self, letter, expected):
        self.assertEqual(letter_score(letter), expected, f"letter_score({letter!r}) should be {expected}")

    def check_word(self, word, expected):
        self.assertEqual(word_score(word), expected, f"word_score({word!r}) should be {expected}")

    def test_vowels_score_one(self):
        for letter in "aeiou":
            self.check_letter(letter, 1)

    def test_rare_letters_score_eight(self):
        for letter in "jqxz":
            self.check_letter(letter, 8)

    def test_other_letters_score_two(self):
        for letter in "bcdklmtwy":
            self.check_letter(letter, 2)

    def test_upper_case_scores_like_lower_case(self):
        self.check_letter("A", 1)
        self.check_letter("Z", 8)
        self.check_letter("K", 2)

    def test_characters_that_are_not_letters_score_zero(self):
        for char in [" ", "!", "7", "-", "."]:
            self.check_letter(char, 0)

    def test_examples_from_the_handout(self):
        self.check_word("jazz", 25)
        self.check_word("Hello!", 8)

    def test_empty_word_scores_zero(self):
        self.check_word("", 0)

    def test_word_with_spaces_and_digits(self):
        self.check_word("quiz 42", 8 + 1 + 1 + 8)

    def test_generated_words(self):
        rng = random.Random(7004)
        chars = "abcdefghijklmnopqrstuvwxyzAEIOUJQXZKT !?7-"
        for _ in range(40):
            word = "".join(rng.choice(chars) for _ in range(rng.randint(0, 12)))
            self.check_word(word, expected_word(word))
            char = rng.choice(chars)
            self.check_letter(char, expected_letter(char))


if __name__ == "__main__":
    unittest.main()
