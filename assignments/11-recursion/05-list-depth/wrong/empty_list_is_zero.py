# fails: test_empty_list_has_depth_one
# why: treats an empty list like a value that is not a list, so [] gets depth 0 instead of 1
def depth(value):
    if not isinstance(value, list) or value == []:
        return 0
    deepest = 0
    for item in value:
        deepest = max(deepest, depth(item))
    return 1 + deepest
