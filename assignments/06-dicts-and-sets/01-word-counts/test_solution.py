import unittest

from solution import word_counts


class TestWordCounts(unittest.TestCase):
    def test_counts_repeated_words(self):
        self.assertEqual(
            word_counts("the cat and the hat"),
            {"the": 2, "cat": 1, "and": 1, "hat": 1},
            'word_counts("the cat and the hat") should count "the" twice and the other words once',
        )

    def test_single_word(self):
        self.assertEqual(word_counts("python"), {"python": 1}, 'word_counts("python") should be {"python": 1}')

    def test_ignores_upper_and_lower_case(self):
        self.assertEqual(
            word_counts("Hello hello HELLO"), {"hello": 3},
            'word_counts("Hello hello HELLO") should be {"hello": 3} (use lower-case keys)',
        )

    def test_handles_extra_spaces_and_new_lines(self):
        self.assertEqual(
            word_counts("  a  b\n a\tb  a "), {"a": 3, "b": 2},
            "word_counts should split on any whitespace, including several spaces, tabs and new lines",
        )

    def test_empty_text_gives_empty_dict(self):
        self.assertEqual(word_counts(""), {}, 'word_counts("") should be {}')


if __name__ == "__main__":
    unittest.main()
