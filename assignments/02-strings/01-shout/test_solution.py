import random
import string
import unittest

from solution import shout


def loud(text):
    """Capitalise letter by letter, then add the exclamation mark."""
    result = ""
    for char in text:
        result += char.upper()
    return result + "!"


class TestShout(unittest.TestCase):
    def check(self, text, expected):
        self.assertEqual(shout(text), expected, f"shout({text!r}) should be {expected!r}")

    def test_shouts_a_single_word(self):
        self.check("hello", "HELLO!")

    def test_shouts_a_sentence_with_spaces(self):
        self.check("Good morning", "GOOD MORNING!")

    def test_keeps_text_that_is_already_upper_case(self):
        self.check("WOW", "WOW!")

    def test_leaves_digits_unchanged(self):
        self.check("route 66", "ROUTE 66!")

    def test_keeps_punctuation_and_spaces(self):
        self.check("hey, you there?", "HEY, YOU THERE?!")
        self.check("  hi  ", "  HI  !")

    def test_empty_text_gives_just_an_exclamation_mark(self):
        self.check("", "!")

    def test_generated_texts(self):
        rng = random.Random(2001)
        alphabet = string.ascii_letters + "     0123456789,.?"
        for _ in range(30):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20)))
            self.check(text, loud(text))


if __name__ == "__main__":
    unittest.main()
