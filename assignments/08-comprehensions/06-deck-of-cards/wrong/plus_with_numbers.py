# fails: test_number_ranks
# why: joins the text with +, which raises a TypeError when the rank is a number like 7.
def deck(ranks, suits):
    return [rank + " of " + suit for suit in suits for rank in ranks]
