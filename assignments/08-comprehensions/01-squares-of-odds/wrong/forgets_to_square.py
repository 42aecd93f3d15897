# fails: test_squares_only_the_odd_numbers, test_generated_lists
# why: keeps the odd numbers but forgets to square them.
def squares_of_odds(numbers):
    return [n for n in numbers if n % 2 != 0]
