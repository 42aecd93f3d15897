def chunks(items, size):
    """Return items cut into lists of size items each (the last one may be shorter)."""
    result = []
    for start in range(0, len(items), size):
        result.append(items[start:start + size])
    return result
