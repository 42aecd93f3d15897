def set_volume(level):
    """Return level if it is a whole number from 0 to 10; raise TypeError or ValueError otherwise."""
    if not isinstance(level, int):
        raise TypeError("volume must be a whole number")
    if level < 0 or level > 10:
        raise ValueError("volume must be between 0 and 10")
    return level
