import random
import unittest

from solution import shopping_total

PRODUCTS = ["apple", "bread", "milk", "eggs", "cheese", "rice", "tea", "jam"]


def expected_total(cart, prices):
    return sum(count * prices[item] for item, count in cart.items())


class TestShoppingTotal(unittest.TestCase):
    def check(self, cart, prices, expected):
        message = f"shopping_total({cart}, {prices}) should be {expected}"
        self.assertEqual(shopping_total(cart, prices), expected, message)

    def test_examples_from_the_handout(self):
        self.check({"apple": 3, "bread": 1}, {"apple": 50, "bread": 220, "milk": 99}, 370)
        self.check({"milk": 2}, {"apple": 50, "milk": 99}, 198)

    def test_quantity_multiplies_the_price(self):
        self.check({"eggs": 12}, {"eggs": 30}, 360)

    def test_items_not_in_the_cart_are_not_counted(self):
        self.check({"tea": 1}, {"tea": 250, "jam": 300, "rice": 120}, 250)

    def test_empty_cart_costs_nothing(self):
        self.check({}, {"apple": 50}, 0)

    def test_zero_quantity_costs_nothing(self):
        self.check({"cheese": 0, "rice": 2}, {"cheese": 500, "rice": 120}, 240)

    def test_generated_inputs(self):
        rng = random.Random(6101)
        for _ in range(30):
            prices = {p: rng.randint(10, 999) for p in PRODUCTS}
            cart = {p: rng.randint(1, 9) for p in rng.sample(PRODUCTS, rng.randint(0, 5))}
            self.check(cart, prices, expected_total(cart, prices))


if __name__ == "__main__":
    unittest.main()
