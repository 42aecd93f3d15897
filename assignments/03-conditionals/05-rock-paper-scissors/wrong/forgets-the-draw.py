# fails: test_same_choice_is_a_draw
# why: never checks for a draw, so equal choices count as a win for player 2
def winner(player1, player2):
    if (
        (player1 == "rock" and player2 == "scissors")
        or (player1 == "scissors" and player2 == "paper")
        or (player1 == "paper" and player2 == "rock")
    ):
        return "player 1"
    else:
        return "player 2"
