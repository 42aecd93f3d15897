def winner(player1, player2):
    """Return "player 1", "player 2" or "draw" for one round of rock, paper, scissors."""
    pass
