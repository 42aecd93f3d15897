# fails: test_items_not_in_the_cart_are_not_counted, test_examples_from_the_handout
# why: loops over the price list instead of the cart, so items nobody bought are paid for too.
def shopping_total(cart, prices):
    total = 0
    for item in prices:
        total = total + prices[item]
    return total
