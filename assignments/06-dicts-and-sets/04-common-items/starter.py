def common_items(first, second):
    """Return a sorted list of the values found in both first and second, each once."""
    pass
