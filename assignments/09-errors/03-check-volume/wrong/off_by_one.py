# fails: test_every_level_from_0_to_10_is_accepted
# why: uses >= 10 instead of > 10, so the loudest allowed level, 10, is refused.
def set_volume(level):
    if not isinstance(level, int):
        raise TypeError("volume must be a whole number")
    if level < 0 or level >= 10:
        raise ValueError("volume must be between 0 and 10")
    return level
