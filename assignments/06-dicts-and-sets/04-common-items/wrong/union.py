# fails: test_examples_from_the_handout
# why: uses | (everything in either list) instead of & (only what is in both).
def common_items(first, second):
    return sorted(set(first) | set(second))
