def shopping_total(cart, prices):
    """Return the total price in cents of cart (item -> how many), using prices (item -> cents each)."""
    pass
