# fails: test_example_from_the_handout, test_cards_come_suit_by_suit
# why: the ranks are the outer for, so the cards come rank by rank instead of suit by suit.
def deck(ranks, suits):
    return [f"{rank} of {suit}" for rank in ranks for suit in suits]
