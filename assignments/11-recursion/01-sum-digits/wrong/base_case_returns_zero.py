# fails: test_single_digit_is_itself, test_examples_from_the_handout
# why: the base case returns 0 for a single digit, so the first digit is never counted
def sum_digits(n):
    if n < 10:
        return 0
    return n % 10 + sum_digits(n // 10)
