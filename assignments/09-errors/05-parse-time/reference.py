SHAPE = "time must look like HH:MM"


def parse_time(text):
    """Return (hours, minutes) from text like "09:30"; raise ValueError if it is not a valid time."""
    parts = text.split(":")
    if len(parts) != 2:
        raise ValueError(SHAPE)
    try:
        hours = int(parts[0])
        minutes = int(parts[1])
    except ValueError:
        raise ValueError(SHAPE)
    if not 0 <= hours <= 23:
        raise ValueError("hour must be between 0 and 23")
    if not 0 <= minutes <= 59:
        raise ValueError("minute must be between 0 and 59")
    return hours, minutes
