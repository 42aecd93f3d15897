def deck(ranks, suits):
    """Return the cards '<rank> of <suit>' for every rank in every suit, suit by suit."""
    pass
