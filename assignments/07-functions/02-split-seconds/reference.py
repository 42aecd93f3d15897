def split_seconds(total):
    """Return (hours, minutes, seconds) for a number of seconds."""
    hours = total // 3600
    rest = total % 3600
    minutes = rest // 60
    seconds = rest % 60
    return hours, minutes, seconds
