def staircase(steps):
    """Return a staircase of '#' with `steps` lines, lined up on the right, joined by new lines."""
    pass
