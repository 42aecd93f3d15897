# fails: test_hour_out_of_range
# why: allows hours up to 24 (<= 24) although a 24-hour clock stops at 23.
def parse_time(text):
    parts = text.split(":")
    if len(parts) != 2:
        raise ValueError("time must look like HH:MM")
    try:
        hours = int(parts[0])
        minutes = int(parts[1])
    except ValueError:
        raise ValueError("time must look like HH:MM")
    if not 0 <= hours <= 24:
        raise ValueError("hour must be between 0 and 23")
    if not 0 <= minutes <= 59:
        raise ValueError("minute must be between 0 and 59")
    return hours, minutes
