def count_multiples(n, k):
    """Return how many of the numbers 1 to n (n included) are multiples of k."""
    count = 0
    for number in range(1, n + 1):
        if number % k == 0:
            count = count + 1
    return count
