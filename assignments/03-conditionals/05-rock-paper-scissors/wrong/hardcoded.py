# fails: test_generated_rounds
# why: returns the handout's answers for the handout's rounds instead of applying the rules
def winner(player1, player2):
    if player1 == "rock" and player2 == "scissors":
        return "player 1"
    if player1 == "paper" and player2 == "paper":
        return "draw"
    return "player 2"
