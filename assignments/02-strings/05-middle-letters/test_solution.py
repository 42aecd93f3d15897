import random
import string
import unittest

from solution import middle


def middle_of(word):
    """Peel one letter off each end until one or two letters are left."""
    while len(word) > 2:
        word = word[1:-1]
    return word


class TestMiddle(unittest.TestCase):
    def check(self, word):
        expected = middle_of(word)
        self.assertEqual(middle(word), expected, f"middle({word!r}) should be {expected!r}")

    def test_odd_length_word_gives_one_letter(self):
        self.check("apple")
        self.check("python!")

    def test_even_length_word_gives_two_letters(self):
        self.check("code")
        self.check("banana")

    def test_one_letter_word(self):
        self.check("a")

    def test_two_letter_word(self):
        self.check("hi")

    def test_three_letter_word(self):
        self.check("cat")

    def test_long_word(self):
        self.check("abracadabra")
        self.check("encyclopaedia")

    def test_generated_words(self):
        rng = random.Random(2005)
        for _ in range(40):
            word = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(1, 15)))
            self.check(word)


if __name__ == "__main__":
    unittest.main()
