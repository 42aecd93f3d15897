import unittest

from solution import is_palindrome


class TestIsPalindrome(unittest.TestCase):
    def test_simple_palindrome_word(self):
        self.assertEqual(is_palindrome("racecar"), True, 'is_palindrome("racecar") should be True')

    def test_word_that_is_not_a_palindrome(self):
        self.assertEqual(is_palindrome("hello"), False, 'is_palindrome("hello") should be False')

    def test_ignores_upper_and_lower_case(self):
        self.assertEqual(
            is_palindrome("Level"), True,
            'is_palindrome("Level") should be True (upper/lower case does not matter)',
        )

    def test_ignores_spaces_and_punctuation(self):
        self.assertEqual(
            is_palindrome("A man, a plan, a canal: Panama!"), True,
            'is_palindrome("A man, a plan, a canal: Panama!") should be True (ignore spaces and punctuation)',
        )

    def test_sentence_that_is_not_a_palindrome(self):
        self.assertEqual(
            is_palindrome("Python is fun!"), False,
            'is_palindrome("Python is fun!") should be False',
        )

    def test_empty_text_is_a_palindrome(self):
        self.assertEqual(is_palindrome(""), True, 'is_palindrome("") should be True')


if __name__ == "__main__":
    unittest.main()
