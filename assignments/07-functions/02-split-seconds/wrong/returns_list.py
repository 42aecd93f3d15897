# fails: test_returns_a_tuple, test_examples_from_the_handout
# why: returns a list in square brackets instead of a tuple.
def split_seconds(total):
    return [total // 3600, total % 3600 // 60, total % 60]
