def remove_all(items, value):
    """Remove every copy of value from the list items (changing it), and return items."""
    pass
