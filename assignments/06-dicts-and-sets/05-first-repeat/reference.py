def first_repeat(items):
    """Return the first item met for the second time, reading left to right; None if none is."""
    seen = set()
    for item in items:
        if item in seen:
            return item
        seen.add(item)
    return None
