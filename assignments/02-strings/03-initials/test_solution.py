import random
import string
import unittest

from solution import initials


def expected_initials(first, last):
    return f"{first.upper()[:1]}.{last.upper()[:1]}."


class TestInitials(unittest.TestCase):
    def check(self, first, last):
        expected = expected_initials(first, last)
        self.assertEqual(
            initials(first, last), expected,
            f"initials({first!r}, {last!r}) should be {expected!r}",
        )

    def test_capitalised_names(self):
        self.check("Ada", "Lovelace")

    def test_lower_case_names_become_capitals(self):
        self.check("alan", "turing")

    def test_upper_case_names(self):
        self.check("GRACE", "HOPPER")

    def test_one_letter_names(self):
        self.check("x", "y")

    def test_uses_only_the_first_letter(self):
        self.check("Margaret", "Hamilton")
        self.check("linus", "Torvalds")

    def test_generated_names(self):
        rng = random.Random(2003)
        for _ in range(30):
            first, last = (
                "".join(rng.choice(string.ascii_letters) for _ in range(rng.randint(1, 10)))
                for _ in range(2)
            )
            self.check(first, last)


if __name__ == "__main__":
    unittest.main()
