# fails: test_examples_from_the_handout, test_result_has_the_same_length
# why: returns the final total (one number) instead of the list of totals along the way.
def running_total(numbers):
    total = 0
    for number in numbers:
        total = total + number
    return total
