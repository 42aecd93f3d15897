# fails: test_flattens_deeply_nested_lists
# why: opens only the first level of lists instead of calling flatten on each inner list
def flatten(nested):
    result = []
    for item in nested:
        if isinstance(item, list):
            result.extend(item)
        else:
            result.append(item)
    return result
