# fails: test_too_loud_raises_value_error, test_wrong_type_raises_type_error
# why: returns the message as text instead of raising an error.
def set_volume(level):
    if not isinstance(level, int):
        return "volume must be a whole number"
    if level < 0 or level > 10:
        return "volume must be between 0 and 10"
    return level
