# fails: test_no_numbers_gives_none
# why: divides by zero when no numbers are given instead of returning None.
def average(*numbers):
    return sum(numbers) / len(numbers)
