# fails: test_keeps_the_length, test_five_digits_get_one_star
# why: makes a star for every digit and then adds the last four, so the result is four too long
def mask_card(number):
    return "*" * len(number) + number[-4:]
