def binary_strings(n):
    """Return all strings of length n made of "0" and "1", in counting order."""
    if n == 0:
        return [""]
    shorter = binary_strings(n - 1)
    return ["0" + s for s in shorter] + ["1" + s for s in shorter]
