# fails: test_single_digit, test_examples_from_the_handout
# why: `while n > 9` stops one digit too early, so the first digit is never added.
def digit_sum(n):
    n = abs(n)
    total = 0
    while n > 9:
        total = total + n % 10
        n = n // 10
    return total
