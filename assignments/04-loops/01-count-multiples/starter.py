def count_multiples(n, k):
    """Return how many of the numbers 1 to n (n included) are multiples of k."""
    pass
