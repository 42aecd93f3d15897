def parse_time(text):
    """Return (hours, minutes) from text like "09:30"; raise ValueError if it is not a valid time."""
    pass
