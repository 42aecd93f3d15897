def average(a, b, c):
    """Return the average of the three numbers a, b and c."""
    return (a + b + c) / 3
