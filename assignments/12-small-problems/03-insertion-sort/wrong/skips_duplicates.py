# fails: test_keeps_every_duplicate, test_examples_from_the_handout
# why: leaves out a number that is already in the result, so duplicates get lost
def insertion_sort(numbers):
    result = []
    for number in numbers:
        if number in result:
            continue
        position = 0
        while position < len(result) and result[position] <= number:
            position += 1
        result.insert(position, number)
    return result
