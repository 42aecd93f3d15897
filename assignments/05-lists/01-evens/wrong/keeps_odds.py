# fails: test_keeps_only_even_numbers
# why: uses `number % 2 == 1`, the test for odd numbers, so it keeps the wrong half.
def evens(numbers):
    result = []
    for number in numbers:
        if number % 2 == 1:
            result.append(number)
    return result
