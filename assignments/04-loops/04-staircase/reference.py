def staircase(steps):
    """Return a staircase of '#' with `steps` lines, lined up on the right, joined by new lines."""
    result = ""
    for k in range(1, steps + 1):
        if k > 1:
            result = result + "\n"
        result = result + " " * (steps - k) + "#" * k
    return result
