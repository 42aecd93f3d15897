# fails: test_result_is_sorted
# why: turns the set into a list with list(...), which keeps the set's own order instead of sorting.
def common_items(first, second):
    return list(set(first) & set(second))
