# fails: test_examples_from_the_handout, test_zeros_inside_the_number
# why: uses / (which gives a decimal number like 47.2) instead of // to drop the last digit
def sum_digits(n):
    if n < 10:
        return n
    return n % 10 + sum_digits(n / 10)
