def winner(player1, player2):
    """Return "player 1", "player 2" or "draw" for one round of rock, paper, scissors."""
    if player1 == player2:
        return "draw"
    elif (
        (player1 == "rock" and player2 == "scissors")
        or (player1 == "scissors" and player2 == "paper")
        or (player1 == "paper" and player2 == "rock")
    ):
        return "player 1"
    else:
        return "player 2"
