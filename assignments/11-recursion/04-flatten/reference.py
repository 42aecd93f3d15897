def flatten(nested):
    """Return a flat list of all the values in nested, using recursion."""
    result = []
    for item in nested:
        if isinstance(item, list):
            result.extend(flatten(item))
        else:
            result.append(item)
    return result
