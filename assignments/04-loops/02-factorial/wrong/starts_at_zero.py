# fails: test_factorial_of_one_is_one, test_factorial_of_five
# why: the loop starts at 0, and multiplying by 0 makes every result 0.
def factorial(n):
    result = 1
    for number in range(n + 1):
        result = result * number
    return result
