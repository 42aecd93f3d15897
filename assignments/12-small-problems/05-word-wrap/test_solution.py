import random
import unittest

from solution import wrap


def expected_lines(text, width):
    # Lines as lists of words, joined at the end.
    lines = []
    for word in text.split():
        if lines and len(" ".join(lines[-1] + [word])) <= width:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [" ".join(words) for words in lines]


class TestWrap(unittest.TestCase):
    def test_examples_from_the_handout(self):
        self.assertEqual(
            wrap("the quick brown fox jumps", 10), ["the quick", "brown fox", "jumps"],
            'wrap("the quick brown fox jumps", 10) should be ["the quick", "brown fox", "jumps"]',
        )
        self.assertEqual(wrap("a bb ccc", 4), ["a bb", "ccc"], 'wrap("a bb ccc", 4) should be ["a bb", "ccc"]')

    def test_empty_text(self):
        self.assertEqual(wrap("", 5), [], 'wrap("", 5) should be []')
        self.assertEqual(wrap("   ", 5), [], 'wrap("   ", 5) should be [] (only spaces: no words)')

    def test_line_can_be_exactly_width(self):
        self.assertEqual(wrap("abc de", 6), ["abc de"], 'wrap("abc de", 6) should be ["abc de"] (6 characters fit in 6)')

    def test_the_space_between_words_counts(self):
        self.assertEqual(
            wrap("ab cd", 4), ["ab", "cd"],
            'wrap("ab cd", 4) should be ["ab", "cd"] ("ab cd" is 5 characters with its space)',
        )

    def test_long_word_gets_its_own_line(self):
        self.assertEqual(wrap("hello", 3), ["hello"], 'wrap("hello", 3) should be ["hello"]')
        self.assertEqual(
            wrap("a enormous b", 4), ["a", "enormous", "b"],
            'wrap("a enormous b", 4) should be ["a", "enormous", "b"]',
        )

    def test_extra_spaces_and_line_breaks(self):
        self.assertEqual(
            wrap("  one   two\nthree ", 9), ["one two", "three"],
            'wrap("  one   two\\nthree ", 9) should be ["one two", "three"]',
        )

    def test_generated_texts(self):
        rng = random.Random(1205)
        for _ in range(40):
            words = ["x" * rng.randint(1, 9) for _ in range(rng.randint(0, 15))]
            text = " ".join(word.replace("x", rng.choice("aeiost")) for word in words)
            width = rng.randint(1, 20)
            expected = expected_lines(text, width)
            self.assertEqual(wrap(text, width), expected, f"wrap({text!r}, {width}) should be {expected!r}")


if __name__ == "__main__":
    unittest.main()
