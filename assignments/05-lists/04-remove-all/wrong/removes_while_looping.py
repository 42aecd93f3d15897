# fails: test_removes_neighbouring_copies
# why: removes inside `for item in items`, so the list shifts and the copy right after a removed one is skipped.
def remove_all(items, value):
    for item in items:
        if item == value:
            items.remove(item)
    return items
