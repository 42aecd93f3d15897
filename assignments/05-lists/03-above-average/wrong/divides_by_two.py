# fails: test_keeps_the_original_order
# why: takes the middle of the first and last number as the average instead of sum / len.
def above_average(numbers):
    if len(numbers) == 0:
        return []
    average = (numbers[0] + numbers[-1]) / 2
    result = []
    for number in numbers:
        if number > average:
            result.append(number)
    return result
