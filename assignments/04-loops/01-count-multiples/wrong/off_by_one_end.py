# fails: test_n_itself_is_counted
# why: range(1, n) stops before n, so when n is itself a multiple of k it is not counted.
def count_multiples(n, k):
    count = 0
    for number in range(1, n):
        if number % k == 0:
            count = count + 1
    return count
