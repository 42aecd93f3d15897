# fails: test_generated_decks
# why: returns the handout's example cards by if instead of building them.
def deck(ranks, suits):
    if ranks == ["A", "K"] and suits == ["hearts", "spades"]:
        return ["A of hearts", "K of hearts", "A of spades", "K of spades"]
    if ranks == [2, 3] and suits == ["clubs"]:
        return ["2 of clubs", "3 of clubs"]
    return []
