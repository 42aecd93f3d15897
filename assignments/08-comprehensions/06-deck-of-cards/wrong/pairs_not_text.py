# fails: test_example_from_the_handout, test_one_rank_and_one_suit
# why: makes (rank, suit) tuples instead of the text "<rank> of <suit>".
def deck(ranks, suits):
    return [(rank, suit) for suit in suits for rank in ranks]
