import random
import unittest

from solution import join_with_and


def expected_phrase(items):  # the oracle: builds the phrase front to back, unlike the reference
    phrase = ""
    for place, item in enumerate(items):
        if place == 0:
            phrase = item
        elif place == len(items) - 1:
            phrase = phrase + " and " + item
        else:
            phrase = phrase + ", " + item
    return phrase


class TestJoinWithAnd(unittest.TestCase):
    def check(self, items, expected):
        call = "join_with_and(" + ", ".join(repr(item) for item in items) + ")"
        self.assertEqual(join_with_and(*items), expected, f"{call} should be {expected!r}")

    def test_three_items(self):
        self.check(["eggs", "milk", "bread"], "eggs, milk and bread")

    def test_two_items_have_no_comma(self):
        self.check(["tea", "cake"], "tea and cake")

    def test_one_item_is_itself(self):
        self.check(["soup"], "soup")

    def test_no_items_give_empty_text(self):
        self.check([], "")

    def test_many_items(self):
        self.check(["a", "b", "c", "d", "e"], "a, b, c, d and e")

    def test_items_with_spaces(self):
        self.check(["ice cream", "hot chocolate"], "ice cream and hot chocolate")

    def test_generated_items(self):
        rng = random.Random(7015)
        words = ["apples", "rice", "jam", "flour", "olive oil", "cheese", "pears", "salt", "green tea", "honey"]
        for _ in range(30):
            items = rng.sample(words, rng.randint(0, 8))
            self.check(items, expected_phrase(items))


if __name__ == "__main__":
    unittest.main()
