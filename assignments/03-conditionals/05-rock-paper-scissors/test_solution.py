import random
import unittest

from solution import winner

# Each choice beats the one just before it in this circle.
CIRCLE = ["rock", "paper", "scissors"]


def referee(player1, player2):
    gap = (CIRCLE.index(player1) - CIRCLE.index(player2)) % 3
    return ["draw", "player 1", "player 2"][gap]


class TestWinner(unittest.TestCase):
    def check(self, player1, player2):
        expected = referee(player1, player2)
        self.assertEqual(
            winner(player1, player2), expected,
            f"winner({player1!r}, {player2!r}) should be {expected!r}",
        )

    def test_rock_beats_scissors(self):
        self.check("rock", "scissors")
        self.check("scissors", "rock")

    def test_scissors_beat_paper(self):
        self.check("scissors", "paper")
        self.check("paper", "scissors")

    def test_paper_beats_rock(self):
        self.check("paper", "rock")
        self.check("rock", "paper")

    def test_same_choice_is_a_draw(self):
        for choice in CIRCLE:
            self.check(choice, choice)

    def test_generated_rounds(self):
        rng = random.Random(3005)
        for _ in range(30):
            self.check(rng.choice(CIRCLE), rng.choice(CIRCLE))


if __name__ == "__main__":
    unittest.main()
