# fails: test_odd_numbers_next_to_each_other, test_list_with_no_even_numbers_gives_empty_list
# why: removes odd numbers from the list while looping over it, which skips the item after each removal.
def evens(numbers):
    for number in numbers:
        if number % 2 != 0:
            numbers.remove(number)
    return numbers
