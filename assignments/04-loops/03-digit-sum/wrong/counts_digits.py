# fails: test_examples_from_the_handout
# why: adds 1 for each digit instead of the digit itself, so it counts the digits.
def digit_sum(n):
    n = abs(n)
    total = 0
    while n > 0:
        total = total + 1
        n = n // 10
    return total
