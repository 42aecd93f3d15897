# fails: test_exactly_four_digits_get_no_stars, test_sixteen_digit_card
# why: off by one: keeps only the last three digits visible
def mask_card(number):
    return "*" * (len(number) - 3) + number[-3:]
