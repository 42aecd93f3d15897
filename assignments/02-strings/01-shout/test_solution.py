import unittest

from solution import shout


class TestShout(unittest.TestCase):
    def test_shouts_a_single_word(self):
        self.assertEqual(shout("hello"), "HELLO!", 'shout("hello") should be "HELLO!"')

    def test_shouts_a_sentence_with_spaces(self):
        self.assertEqual(
            shout("Good morning"), "GOOD MORNING!",
            'shout("Good morning") should be "GOOD MORNING!"',
        )

    def test_keeps_text_that_is_already_upper_case(self):
        self.assertEqual(shout("WOW"), "WOW!", 'shout("WOW") should be "WOW!"')

    def test_leaves_digits_unchanged(self):
        self.assertEqual(
            shout("route 66"), "ROUTE 66!",
            'shout("route 66") should be "ROUTE 66!" (digits stay the same)',
        )

    def test_empty_text_gives_just_an_exclamation_mark(self):
        self.assertEqual(shout(""), "!", 'shout("") should be "!"')


if __name__ == "__main__":
    unittest.main()
