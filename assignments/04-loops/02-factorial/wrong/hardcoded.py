# fails: test_generated_inputs, test_factorial_of_a_bigger_number
# why: returns the handout's answers by `if` instead of multiplying in a loop.
def factorial(n):
    if n == 4:
        return 24
    if n == 5:
        return 120
    if n == 3:
        return 6
    if n == 2:
        return 2
    return 1
