import random
import unittest

from solution import ticket_price

# (youngest age of the group, price), oldest group first
GROUPS = [(65, 7), (12, 10), (3, 5), (0, 0)]


def price_for(age):
    for youngest, price in GROUPS:
        if age >= youngest:
            return price


class TestTicketPrice(unittest.TestCase):
    def check(self, age):
        expected = price_for(age)
        self.assertEqual(ticket_price(age), expected, f"ticket_price({age}) should be {expected}")

    def test_handout_examples(self):
        for age in (2, 8, 30, 70):
            self.check(age)

    def test_newborn_is_free(self):
        self.check(0)

    def test_third_birthday_pays_the_child_price(self):
        self.check(3)

    def test_eleven_still_pays_the_child_price(self):
        self.check(11)

    def test_twelve_pays_the_adult_price(self):
        self.check(12)

    def test_sixty_four_still_pays_the_adult_price(self):
        self.check(64)

    def test_sixty_five_pays_the_senior_price(self):
        self.check(65)

    def test_very_old_visitor(self):
        self.check(104)

    def test_generated_ages(self):
        rng = random.Random(3002)
        for _ in range(40):
            self.check(rng.randint(0, 100))


if __name__ == "__main__":
    unittest.main()
