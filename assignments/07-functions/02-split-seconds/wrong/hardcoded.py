# fails: test_generated_numbers_of_seconds
# why: returns the handout's examples by if instead of calculating.
def split_seconds(total):
    if total == 3725:
        return 1, 2, 5
    if total == 59:
        return 0, 0, 59
    if total == 90000:
        return 25, 0, 0
    return 0, 0, total
