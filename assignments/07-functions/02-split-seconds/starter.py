def split_seconds(total):
    """Return (hours, minutes, seconds) for a number of seconds."""
    pass
