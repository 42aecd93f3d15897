# fails: test_paper_beats_rock, test_generated_rounds
# why: joins the two halves of a pair with or, so "rock" against anything counts as a win
def winner(player1, player2):
    if player1 == player2:
        return "draw"
    elif (
        (player1 == "rock" or player2 == "scissors")
        or (player1 == "scissors" or player2 == "paper")
        or (player1 == "paper" or player2 == "rock")
    ):
        return "player 1"
    else:
        return "player 2"
