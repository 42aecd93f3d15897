# fails: test_scissors_beat_paper
# why: gets one rule backwards: paper is said to beat scissors
def winner(player1, player2):
    if player1 == player2:
        return "draw"
    elif (
        (player1 == "rock" and player2 == "scissors")
        or (player1 == "paper" and player2 == "scissors")
        or (player1 == "paper" and player2 == "rock")
    ):
        return "player 1"
    else:
        return "player 2"
