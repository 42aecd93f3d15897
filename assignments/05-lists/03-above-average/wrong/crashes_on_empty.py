# fails: test_empty_list_gives_empty_list
# why: divides by len(numbers) without checking for the empty list first (ZeroDivisionError).
def above_average(numbers):
    average = sum(numbers) / len(numbers)
    result = []
    for number in numbers:
        if number > average:
            result.append(number)
    return result
