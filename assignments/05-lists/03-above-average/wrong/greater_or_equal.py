# fails: test_numbers_equal_to_the_average_are_left_out
# why: uses >= instead of >, so numbers equal to the average are kept too.
def above_average(numbers):
    if len(numbers) == 0:
        return []
    average = sum(numbers) / len(numbers)
    result = []
    for number in numbers:
        if number >= average:
            result.append(number)
    return result
