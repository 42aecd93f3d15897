# fails: test_the_earliest_second_appearance_wins, test_examples_from_the_handout
# why: returns the first item that has a copy somewhere, not the item whose copy comes first.
def first_repeat(items):
    for item in items:
        if items.count(item) > 1:
            return item
    return None
