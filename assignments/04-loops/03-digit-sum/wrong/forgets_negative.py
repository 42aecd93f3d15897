# fails: test_negative_numbers
# why: forgets to remove the minus sign first, so for a negative n the loop never runs.
def digit_sum(n):
    total = 0
    while n > 0:
        total = total + n % 10
        n = n // 10
    return total
