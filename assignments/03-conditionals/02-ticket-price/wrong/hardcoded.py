# fails: test_generated_ages
# why: returns the handout's answers for the handout's ages instead of using the age groups
def ticket_price(age):
    prices = {2: 0, 8: 5, 30: 10, 70: 7}
    return prices.get(age, 10)
