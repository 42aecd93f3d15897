# fails: test_twelve_pays_the_adult_price
# why: off by one at an edge: uses <= 12, so a 12-year-old pays the child price
def ticket_price(age):
    if age < 3:
        return 0
    elif age <= 12:
        return 5
    elif age < 65:
        return 10
    else:
        return 7
