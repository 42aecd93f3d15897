def shopping_total(cart, prices):
    """Return the total price in cents of cart (item -> how many), using prices (item -> cents each)."""
    total = 0
    for item in cart:
        total = total + cart[item] * prices[item]
    return total
