# fails: test_first_item_is_the_first_number, test_examples_from_the_handout
# why: appends the total before adding the number, so every item is one number behind (starting with 0).
def running_total(numbers):
    total = 0
    result = []
    for number in numbers:
        result.append(total)
        total = total + number
    return result
