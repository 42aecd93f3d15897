# fails: test_minutes_stay_below_60, test_examples_from_the_handout
# why: counts all the minutes (total // 60) instead of only those left after the whole hours.
def split_seconds(total):
    return total // 3600, total // 60, total % 60
