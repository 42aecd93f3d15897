# fails: test_sixty_five_pays_the_senior_price, test_very_old_visitor
# why: checks "12 or older" before "65 or older", so the senior branch is never reached
def ticket_price(age):
    if age < 3:
        return 0
    elif age < 12:
        return 5
    elif age >= 12:
        return 10
    else:
        return 7
