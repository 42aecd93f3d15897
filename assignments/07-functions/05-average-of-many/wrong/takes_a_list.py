# fails: test_two_numbers, test_four_numbers
# why: forgets the star, so average takes exactly one argument and average(2, 4) is an error.
def average(numbers):
    if numbers is None:
        return None
    return numbers / 1
