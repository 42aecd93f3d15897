# fails: test_sixteen_digit_card, test_generated_numbers
# why: slices from the start ([:4]) instead of the end ([-4:]), showing the wrong digits
def mask_card(number):
    return number[:4] + "*" * (len(number) - 4)
