def factorial(n):
    """Return n! (1 * 2 * ... * n), computed with a loop. factorial(0) is 1."""
    result = 1
    for number in range(1, n + 1):
        result = result * number
    return result
