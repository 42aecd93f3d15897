def boxes_needed(items, per_box):
    """Return how many boxes of per_box places are needed to pack all items."""
    pass
