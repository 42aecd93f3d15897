# fails: test_changes_the_list_it_was_given
# why: builds and returns a new list, so the list that was passed in keeps every copy.
def remove_all(items, value):
    kept = []
    for item in items:
        if item != value:
            kept.append(item)
    return kept
