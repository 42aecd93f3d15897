import random
import string
import unittest

from solution import reverse_text


def expected_reverse(text):
    result = ""
    for char in text:
        result = char + result
    return result


class TestReverseText(unittest.TestCase):
    def test_examples_from_the_handout(self):
        self.assertEqual(reverse_text("hello"), "olleh", 'reverse_text("hello") should be "olleh"')
        self.assertEqual(reverse_text("a"), "a", 'reverse_text("a") should be "a"')

    def test_empty_text(self):
        self.assertEqual(reverse_text(""), "", 'reverse_text("") should be "" (an empty text)')

    def test_two_characters(self):
        self.assertEqual(reverse_text("ab"), "ba", 'reverse_text("ab") should be "ba"')

    def test_spaces_and_punctuation_move_too(self):
        self.assertEqual(
            reverse_text("Hi, Bob!"), "!boB ,iH",
            'reverse_text("Hi, Bob!") should be "!boB ,iH" (every character moves, spaces too)',
        )

    def test_palindrome_stays_the_same(self):
        self.assertEqual(reverse_text("racecar"), "racecar", 'reverse_text("racecar") should be "racecar"')

    def test_generated_texts(self):
        rng = random.Random(1102)
        alphabet = string.ascii_letters + string.digits + " .,!?"
        for _ in range(40):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            expected = expected_reverse(text)
            self.assertEqual(reverse_text(text), expected, f"reverse_text({text!r}) should be {expected!r}")


if __name__ == "__main__":
    unittest.main()
