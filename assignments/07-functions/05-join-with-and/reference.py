def join_with_and(*items):
    """Return the strings as one phrase: 'a, b and c'."""
    if len(items) == 0:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]
