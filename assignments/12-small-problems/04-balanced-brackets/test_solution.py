import random
import unittest

from solution import is_balanced


def expected_balanced(text):
    # Keep only the brackets, then remove matching pairs until nothing changes.
    brackets = "".join(char for char in text if char in "()[]{}")
    while True:
        shorter = brackets.replace("()", "").replace("[]", "").replace("{}", "")
        if shorter == brackets:
            return brackets == ""
        brackets = shorter


def generated_balanced(rng, size):
    if size == 0:
        return rng.choice(["", "x", "1 "])
    opening, closing = rng.choice(["()", "[]", "{}"])
    inner = rng.randint(0, size - 1)
    return opening + generated_balanced(rng, inner) + closing + generated_balanced(rng, size - 1 - inner)


class TestIsBalanced(unittest.TestCase):
    def test_examples_from_the_handout(self):
        self.assertEqual(is_balanced("(a[b]{c})"), True, 'is_balanced("(a[b]{c})") should be True')
        self.assertEqual(is_balanced("([)]"), False, 'is_balanced("([)]") should be False (the ")" closes while "[" is open)')
        self.assertEqual(is_balanced("(("), False, 'is_balanced("((") should be False (both stay open)')

    def test_text_without_brackets(self):
        self.assertEqual(is_balanced(""), True, 'is_balanced("") should be True')
        self.assertEqual(is_balanced("hello"), True, 'is_balanced("hello") should be True')

    def test_closing_before_opening(self):
        self.assertEqual(is_balanced(")("), False, 'is_balanced(")(") should be False (")" comes first)')
        self.assertEqual(is_balanced("]"), False, 'is_balanced("]") should be False')

    def test_wrong_kind_of_bracket(self):
        self.assertEqual(is_balanced("(]"), False, 'is_balanced("(]") should be False (")" should close "(")')

    def test_something_left_open_at_the_end(self):
        self.assertEqual(is_balanced("{[]"), False, 'is_balanced("{[]") should be False ("{" is never closed)')

    def test_code_like_text(self):
        text = "print(scores[0], {'a': [1, 2]})"
        self.assertEqual(is_balanced(text), True, f"is_balanced({text!r}) should be True")

    def test_generated_texts(self):
        rng = random.Random(1204)
        for _ in range(40):
            text = generated_balanced(rng, rng.randint(1, 8))
            if rng.random() < 0.5:  # spoil it: drop, add or swap one character
                i = rng.randrange(len(text))
                text = rng.choice([text[:i] + text[i + 1:], text[:i] + rng.choice("([{}])") + text[i:], text[i:] + text[:i]])
            expected = expected_balanced(text)
            self.assertEqual(is_balanced(text), expected, f"is_balanced({text!r}) should be {expected}")


if __name__ == "__main__":
    unittest.main()
