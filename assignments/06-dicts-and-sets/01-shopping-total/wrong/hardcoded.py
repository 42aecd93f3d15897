# fails: test_generated_inputs
# why: returns the handout's answers by `if` instead of adding up the cart.
def shopping_total(cart, prices):
    if cart == {"apple": 3, "bread": 1}:
        return 370
    if cart == {"milk": 2}:
        return 198
    return 0
