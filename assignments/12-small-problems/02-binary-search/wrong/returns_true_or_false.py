# fails: test_examples_from_the_handout
# why: returns whether the target is there (True or False) instead of its index or -1
def binary_search(numbers, target):
    low = 0
    high = len(numbers) - 1
    while low <= high:
        middle = (low + high) // 2
        if numbers[middle] == target:
            return True
        if numbers[middle] < target:
            low = middle + 1
        else:
            high = middle - 1
    return False
