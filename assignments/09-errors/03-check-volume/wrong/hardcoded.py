# fails: test_generated_levels
# why: raises only for the handout's example values instead of checking the range.
def set_volume(level):
    if level == "loud":
        raise TypeError("volume must be a whole number")
    if level == 11:
        raise ValueError("volume must be between 0 and 10")
    return level
