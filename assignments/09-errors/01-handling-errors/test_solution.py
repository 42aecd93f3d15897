import random
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
        with self.assertRaises(ValueError, msg='parse_age("-5") should raise ValueError') as caught:
            parse_age("-5")
        self.assertEqual(
            str(caught.exception), "age cannot be negative",
            'parse_age("-5") should raise ValueError("age cannot be negative")',
        )

    def test_generated_divisions(self):
        rng = random.Random(9001)
        for _ in range(30):
            a, b = rng.randint(-50, 50), rng.choice([0, rng.randint(-9, 9)])
            if b == 0:
                self.assertIsNone(safe_divide(a, b), f"safe_divide({a}, {b}) should be None")
            else:
                result = safe_divide(a, b)
                self.assertIsInstance(result, (int, float), f"safe_divide({a}, {b}) should be the number {a / b!r}")
                self.assertAlmostEqual(result, a / b, msg=f"safe_divide({a}, {b}) should be {a / b!r}")

    def test_generated_ages(self):
        rng = random.Random(9002)
        for _ in range(30):
            age = rng.randint(-40, 120)
            text = " " * rng.randint(0, 2) + str(age) + " " * rng.randint(0, 2)
            if age >= 0:
                self.assertEqual(parse_age(text), age, f"parse_age({text!r}) should be {age}")
            else:
                with self.assertRaises(ValueError, msg=f"parse_age({text!r}) should raise ValueError"):
                    parse_age(text)
        for text in ["4.5", "12a", "twelve", "1 2", "--3"]:
            with self.assertRaises(ValueError, msg=f"parse_age({text!r}) should raise ValueError"):
                parse_age(text)


if __name__ == "__main__":
    unittest.main()
