# fails: test_one_number, test_examples_from_the_handout
# why: loops over range(len(numbers) - 1), an off-by-one that never inserts the last number
def insertion_sort(numbers):
    result = []
    for i in range(len(numbers) - 1):
        number = numbers[i]
        position = 0
        while position < len(result) and result[position] <= number:
            position += 1
        result.insert(position, number)
    return result
