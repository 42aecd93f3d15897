# fails: test_wrong_number_of_colons
# why: unpacks the split without counting the parts, so "1:2:3" raises Python's own unpacking error.
def parse_time(text):
    hours_text, minutes_text = text.split(":")
    try:
        hours = int(hours_text)
        minutes = int(minutes_text)
    except ValueError:
        raise ValueError("time must look like HH:MM")
    if not 0 <= hours <= 23:
        raise ValueError("hour must be between 0 and 23")
    if not 0 <= minutes <= 59:
        raise ValueError("minute must be between 0 and 59")
    return hours, minutes
