# fails: test_factorial_of_zero_is_one, test_factorial_of_five
# why: prints the result instead of returning it, so the function gives back None.
def factorial(n):
    result = 1
    for number in range(1, n + 1):
        result = result * number
    print(result)
