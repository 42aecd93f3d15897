# fails: test_handout_examples, test_generated_ages
# why: returns the price as a string ("5") instead of a whole number (5)
def ticket_price(age):
    if age < 3:
        return "0"
    elif age < 12:
        return "5"
    elif age < 65:
        return "10"
    else:
        return "7"
