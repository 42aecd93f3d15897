import random
import unittest

from solution import word_counts

WORDS = ["the", "cat", "sat", "on", "mat", "a", "dog", "ran", "sun", "and"]


def expected_counts(text):
    counts = {}
    for word in text.split():
        word = word.lower()
        if word in counts:
            counts[word] += 1
        else:
            counts[word] = 1
    return counts


class TestWordCounts(unittest.TestCase):
    def check(self, text, expected):
        message = f"word_counts({text!r}) should be {expected!r}"
        self.assertEqual(word_counts(text), expected, message)

    def test_counts_repeated_words(self):
        self.check("the cat and the hat", {"the": 2, "cat": 1, "and": 1, "hat": 1})

    def test_single_word(self):
        self.check("python", {"python": 1})

    def test_ignores_upper_and_lower_case(self):
        self.check("Hello hello HELLO", {"hello": 3})
        self.check("Big dog big DOG", {"big": 2, "dog": 2})

    def test_handles_extra_spaces_and_new_lines(self):
        self.check("  a  b\n a\tb  a ", {"a": 3, "b": 2})

    def test_empty_text_gives_empty_dict(self):
        self.check("", {})
        self.check("   ", {})

    def test_generated_inputs(self):
        rng = random.Random(6202)
        for _ in range(30):
            words = []
            for _ in range(rng.randint(0, 12)):
                word = rng.choice(WORDS)
                words.append(word.upper() if rng.random() < 0.2 else word)
            text = " ".join(words)
            self.check(text, expected_counts(text))


if __name__ == "__main__":
    unittest.main()
