import random
import unittest

from solution import deck


def expected_deck(ranks, suits):  # the oracle: loops and str(), unlike the reference
    cards = []
    for suit in suits:
        for rank in ranks:
            cards.append(str(rank) + " of " + suit)
    return cards


class TestDeck(unittest.TestCase):
    def check(self, ranks, suits, expected):
        self.assertEqual(deck(ranks, suits), expected, f"deck({ranks!r}, {suits!r}) should be {expected!r}")

    def test_example_from_the_handout(self):
        self.check(["A", "K"], ["hearts", "spades"], ["A of hearts", "K of hearts", "A of spades", "K of spades"])

    def test_cards_come_suit_by_suit(self):
        self.check(["Q", "J", "10"], ["spades", "clubs"],
                   ["Q of spades", "J of spades", "10 of spades", "Q of clubs", "J of clubs", "10 of clubs"])

    def test_number_ranks(self):
        self.check([2, 3], ["clubs"], ["2 of clubs", "3 of clubs"])

    def test_no_ranks_or_no_suits_gives_no_cards(self):
        self.check([], ["hearts", "spades"], [])
        self.check(["A", "K"], [], [])

    def test_one_rank_and_one_suit(self):
        self.check(["A"], ["hearts"], ["A of hearts"])

    def test_a_full_deck_has_52_cards(self):
        ranks = ["A", 2, 3, 4, 5, 6, 7, 8, 9, 10, "J", "Q", "K"]
        suits = ["clubs", "diamonds", "hearts", "spades"]
        cards = deck(ranks, suits)
        self.assertIsInstance(cards, list, f"deck({ranks!r}, {suits!r}) should return a list of 52 cards")
        self.assertEqual(len(cards), 52, f"len(deck({ranks!r}, {suits!r})) should be 52")
        self.assertEqual(cards[13], "A of diamonds", f"deck({ranks!r}, {suits!r})[13] should be 'A of diamonds'")

    def test_generated_decks(self):
        rng = random.Random(8016)
        all_ranks = ["A", 2, 3, 4, 5, 6, 7, 8, 9, 10, "J", "Q", "K"]
        all_suits = ["clubs", "diamonds", "hearts", "spades", "stars", "moons"]
        for _ in range(30):
            ranks = rng.sample(all_ranks, rng.randint(0, 6))
            suits = rng.sample(all_suits, rng.randint(0, 4))
            self.check(ranks, suits, expected_deck(ranks, suits))


if __name__ == "__main__":
    unittest.main()
