# fails: test_four_numbers, test_one_number
# why: always divides by 2, as if there were always two numbers.
def average(*numbers):
    if len(numbers) == 0:
        return None
    return sum(numbers) / 2
