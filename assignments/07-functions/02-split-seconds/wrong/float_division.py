# fails: test_examples_from_the_handout
# why: divides with / (which gives a float like 1.03) instead of // (whole numbers).
def split_seconds(total):
    hours = total / 3600
    minutes = total % 3600 / 60
    seconds = total % 60
    return hours, minutes, seconds
