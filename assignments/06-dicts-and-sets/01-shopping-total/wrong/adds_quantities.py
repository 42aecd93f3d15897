# fails: test_examples_from_the_handout
# why: adds the quantity and the price instead of multiplying them.
def shopping_total(cart, prices):
    total = 0
    for item in cart:
        total = total + cart[item] + prices[item]
    return total
