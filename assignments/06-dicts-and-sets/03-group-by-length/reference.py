def group_by_length(words):
    """Return a dict mapping each word length to the list of words of that length, in order."""
    groups = {}
    for word in words:
        length = len(word)
        if length not in groups:
            groups[length] = []
        groups[length].append(word)
    return groups
