# fails: test_leaves_the_given_list_alone
# why: sorts the list it was given by swapping its items, so the caller's list changes too.
def insertion_sort(numbers):
    for i in range(1, len(numbers)):
        j = i
        while j > 0 and numbers[j - 1] > numbers[j]:
            numbers[j - 1], numbers[j] = numbers[j], numbers[j - 1]
            j -= 1
    return numbers
