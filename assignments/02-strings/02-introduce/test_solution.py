import random
import string
import unittest

from solution import introduce


def sentence(name, age):
    return "My name is " + name + " and my age is " + str(age) + "."


class TestIntroduce(unittest.TestCase):
    def check(self, name, age):
        expected = sentence(name, age)
        self.assertEqual(
            introduce(name, age), expected,
            f"introduce({name!r}, {age!r}) should be {expected!r}",
        )

    def test_handout_examples(self):
        self.check("Ada", 36)
        self.check("Grace", 85)

    def test_ends_with_a_full_stop(self):
        result = introduce("Alan", 41)
        self.assertTrue(
            isinstance(result, str) and result.endswith("41."),
            'introduce("Alan", 41) should end with "41." (the age, then a full stop)',
        )

    def test_name_with_a_space(self):
        self.check("Mary Jane", 17)

    def test_very_short_name(self):
        self.check("Bo", 7)

    def test_age_zero(self):
        self.check("Baby", 0)

    def test_three_digit_age(self):
        self.check("Methuselah", 969)

    def test_generated_visitors(self):
        rng = random.Random(2002)
        for _ in range(30):
            name = rng.choice(string.ascii_uppercase) + "".join(
                rng.choice(string.ascii_lowercase) for _ in range(rng.randint(1, 9))
            )
            self.check(name, rng.randint(1, 110))


if __name__ == "__main__":
    unittest.main()
