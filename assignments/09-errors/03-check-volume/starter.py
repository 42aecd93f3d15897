def set_volume(level):
    """Return level if it is a whole number from 0 to 10; raise TypeError or ValueError otherwise."""
    pass
