# fails: test_squares_only_the_odd_numbers
# why: multiplies by 2 instead of squaring (n * 2 is not n * n).
def squares_of_odds(numbers):
    return [n * 2 for n in numbers if n % 2 != 0]
