# fails: test_text_that_is_not_numbers_is_rejected
# why: does not catch int()'s ValueError, so the caller sees Python's message instead of "time must look like HH:MM".
def parse_time(text):
    parts = text.split(":")
    if len(parts) != 2:
        raise ValueError("time must look like HH:MM")
    hours = int(parts[0])
    minutes = int(parts[1])
    if not 0 <= hours <= 23:
        raise ValueError("hour must be between 0 and 23")
    if not 0 <= minutes <= 59:
        raise ValueError("minute must be between 0 and 59")
    return hours, minutes
