# fails: test_zero_and_negative_numbers_can_be_even
# why: also asks for `number > 0`, but 0 and negative numbers can be even too.
def evens(numbers):
    result = []
    for number in numbers:
        if number % 2 == 0 and number > 0:
            result.append(number)
    return result
