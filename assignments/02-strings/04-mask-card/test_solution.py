import random
import unittest

from solution import mask_card


def masked(number):
    """Star by star: every position before the last four becomes a star."""
    shown = ""
    for position, digit in enumerate(number):
        shown += digit if position >= len(number) - 4 else "*"
    return shown


class TestMaskCard(unittest.TestCase):
    def check(self, number):
        expected = masked(number)
        self.assertEqual(
            mask_card(number), expected,
            f"mask_card({number!r}) should be {expected!r}",
        )

    def test_sixteen_digit_card(self):
        self.check("1234567812345678")

    def test_five_digits_get_one_star(self):
        self.check("98765")

    def test_exactly_four_digits_get_no_stars(self):
        self.check("4321")

    def test_keeps_the_length(self):
        result = mask_card("000011112222")
        self.assertEqual(
            len(result) if isinstance(result, str) else None, 12,
            'mask_card("000011112222") should have 12 characters, like the number',
        )

    def test_repeated_digits(self):
        self.check("1111111111")

    def test_generated_numbers(self):
        rng = random.Random(2004)
        for _ in range(30):
            number = "".join(rng.choice("0123456789") for _ in range(rng.randint(4, 19)))
            self.check(number)


if __name__ == "__main__":
    unittest.main()
