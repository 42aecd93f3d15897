# fails: test_squares_only_the_odd_numbers, test_only_even_numbers_gives_empty_list
# why: uses the wrong comparison and keeps the even numbers instead of the odd ones.
def squares_of_odds(numbers):
    return [n * n for n in numbers if n % 2 == 0]
