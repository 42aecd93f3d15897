# fails: test_factorial_of_small_numbers, test_factorial_of_five
# why: range(1, n) stops before n, so it computes the factorial of n - 1.
def factorial(n):
    result = 1
    for number in range(1, n):
        result = result * number
    return result
