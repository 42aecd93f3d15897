# fails: test_examples_from_the_handout
# why: appends each number instead of the total so far, so it gives back a copy of the list.
def running_total(numbers):
    total = 0
    result = []
    for number in numbers:
        total = total + number
        result.append(number)
    return result
