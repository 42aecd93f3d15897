# fails: test_three_items, test_many_items
# why: joins every item with " and ", so three items read "eggs and milk and bread".
def join_with_and(*items):
    return " and ".join(items)
