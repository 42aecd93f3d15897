import random
import unittest

from solution import repeat_word


def expected_repeat(word, times, separator):
    text = ""
    for i in range(times):
        if i > 0:
            text += separator
        text += word
    return text


class TestRepeatWord(unittest.TestCase):
    def test_repeats_twice_with_a_space_by_default(self):
        self.assertEqual(repeat_word("ha"), "ha ha", 'repeat_word("ha") should be "ha ha"')

    def test_times_given_by_position(self):
        self.assertEqual(repeat_word("ha", 3), "ha ha ha", 'repeat_word("ha", 3) should be "ha ha ha"')

    def test_separator_given_by_keyword_alone(self):
        self.assertEqual(repeat_word("go", separator="! "), "go! go", 'repeat_word("go", separator="! ") should be "go! go"')

    def test_keywords_in_any_order(self):
        self.assertEqual(
            repeat_word("la", separator="-", times=4), "la-la-la-la",
            'repeat_word("la", separator="-", times=4) should be "la-la-la-la"',
        )

    def test_one_copy_has_no_separator(self):
        self.assertEqual(repeat_word("hey", times=1), "hey", 'repeat_word("hey", times=1) should be "hey"')

    def test_zero_copies_is_empty(self):
        self.assertEqual(repeat_word("no", times=0), "", 'repeat_word("no", times=0) should be ""')

    def test_generated_words_and_separators(self):
        rng = random.Random(7003)
        for _ in range(30):
            word = "".join(rng.choice("abcxyz") for _ in range(rng.randint(1, 4)))
            times = rng.randint(0, 6)
            separator = rng.choice(["", " ", ", ", "-", "+", "..."])
            expected = expected_repeat(word, times, separator)
            self.assertEqual(
                repeat_word(word, times=times, separator=separator), expected,
                f"repeat_word({word!r}, times={times}, separator={separator!r}) should be {expected!r}",
            )


if __name__ == "__main__":
    unittest.main()
