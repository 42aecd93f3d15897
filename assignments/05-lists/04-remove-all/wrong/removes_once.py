# fails: test_removes_neighbouring_copies, test_value_not_in_list_leaves_list_unchanged
# why: calls items.remove(value) once, which removes only the first copy and is an error when there is none.
def remove_all(items, value):
    items.remove(value)
    return items
