def depth(value):
    """Return how many lists deep value goes (0 for a value that is not a list)."""
    if not isinstance(value, list):
        return 0
    deepest = 0
    for item in value:
        deepest = max(deepest, depth(item))
    return 1 + deepest
