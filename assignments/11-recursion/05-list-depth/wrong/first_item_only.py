# fails: test_deepest_item_is_not_the_first
# why: looks only at the first item of each list, not at the deepest one
def depth(value):
    if not isinstance(value, list):
        return 0
    if value == []:
        return 1
    return 1 + depth(value[0])
