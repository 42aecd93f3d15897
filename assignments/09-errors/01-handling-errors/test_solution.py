import unittest

from solution import parse_age, safe_divide


class TestHandlingErrors(unittest.TestCase):
    def test_safe_divide_divides_normally(self):
        self.assertEqual(safe_divide(10, 4), 2.5, "safe_divide(10, 4) should be 2.5")
        self.assertEqual(safe_divide(-9, 3), -3, "safe_divide(-9, 3) should be -3")

    def test_safe_divide_returns_none_when_dividing_by_zero(self):
        self.assertIsNone(
            safe_divide(1, 0),
            "safe_divide(1, 0) should return None instead of raising ZeroDivisionError",
        )

    def test_parse_age_converts_valid_text(self):
        self.assertEqual(parse_age("42"), 42, 'parse_age("42") should be the number 42')
        self.assertEqual(parse_age("0"), 0, 'parse_age("0") should be 0')

    def test_parse_age_ignores_surrounding_spaces(self):
        self.assertEqual(parse_age(" 7 "), 7, 'parse_age(" 7 ") should be 7')

    def test_parse_age_rejects_text_that_is_not_a_number(self):
        with self.assertRaises(ValueError, msg='parse_age("abc") should raise ValueError'):
            parse_age("abc")
        with self.assertRaises(ValueError, msg='parse_age("") should raise ValueError'):
            parse_age("")

    def test_parse_age_rejects_negative_ages(self):
        with self.assertRaises(ValueError, msg='parse_age("-5") should raise ValueError'):
            parse_age("-5")


if __name__ == "__main__":
    unittest.main()
