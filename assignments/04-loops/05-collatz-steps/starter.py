def collatz_steps(n):
    """Return how many Collatz steps it takes to go from n down to 1."""
    pass
