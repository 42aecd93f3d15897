# fails: test_wrong_type_raises_type_error
# why: never checks the type, so "loud" fails on the comparison with Python's own message, and 5.0 is accepted.
def set_volume(level):
    if level < 0 or level > 10:
        raise ValueError("volume must be between 0 and 10")
    return level
