def boxes_needed(items, per_box):
    """Return how many boxes of per_box places are needed to pack all items."""
    return (items + per_box - 1) // per_box
