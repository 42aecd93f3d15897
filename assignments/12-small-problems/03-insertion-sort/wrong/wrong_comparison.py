# fails: test_examples_from_the_handout, test_already_sorted_and_reversed
# why: compares with >= instead of <=, so the list comes out from largest to smallest
def insertion_sort(numbers):
    result = []
    for number in numbers:
        position = 0
        while position < len(result) and result[position] >= number:
            position += 1
        result.insert(position, number)
    return result
