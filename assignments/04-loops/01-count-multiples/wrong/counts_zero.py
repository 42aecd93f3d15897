# fails: test_counting_starts_at_one_not_zero, test_zero_gives_zero
# why: range(n + 1) starts at 0, and 0 % k == 0, so 0 is counted as an extra multiple.
def count_multiples(n, k):
    count = 0
    for number in range(n + 1):
        if number % k == 0:
            count = count + 1
    return count
