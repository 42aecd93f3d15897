# fails: test_examples_from_the_handout, test_removes_neighbouring_copies
# why: loops over range(len(items)) while deleting, so the list gets shorter than the loop and items[i] goes past its end.
def remove_all(items, value):
    for i in range(len(items)):
        if items[i] == value:
            del items[i]
    return items
