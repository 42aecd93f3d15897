# fails: test_flattens_one_level_of_nesting, test_empty_lists_disappear
# why: appends the flattened inner list as one item (a list inside the result) instead of extending with its values
def flatten(nested):
    result = []
    for item in nested:
        if isinstance(item, list):
            result.append(flatten(item))
        else:
            result.append(item)
    return result
