# fails: test_quantity_multiplies_the_price, test_examples_from_the_handout
# why: adds the price of one of each item, forgetting to multiply by how many are bought.
def shopping_total(cart, prices):
    total = 0
    for item in cart:
        total = total + prices[item]
    return total
