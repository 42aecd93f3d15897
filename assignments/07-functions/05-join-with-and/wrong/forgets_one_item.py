# fails: test_one_item_is_itself
# why: handles no items but not one item, so join_with_and("soup") gives " and soup".
def join_with_and(*items):
    if len(items) == 0:
        return ""
    return ", ".join(items[:-1]) + " and " + items[-1]
