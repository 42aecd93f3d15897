# fails: test_wrong_type_raises_type_error
# why: raises ValueError for a value of the wrong type, where TypeError is the right kind.
def set_volume(level):
    if not isinstance(level, int) or level < 0 or level > 10:
        raise ValueError("volume must be between 0 and 10")
    return level
