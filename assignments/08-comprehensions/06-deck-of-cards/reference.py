def deck(ranks, suits):
    """Return the cards '<rank> of <suit>' for every rank in every suit, suit by suit."""
    return [f"{rank} of {suit}" for suit in suits for rank in ranks]
