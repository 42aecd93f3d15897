# fails: test_examples_from_the_handout, test_no_repeat_gives_none
# why: adds the item to the set before checking, so every item looks like a repeat of itself.
def first_repeat(items):
    seen = set()
    for item in items:
        seen.add(item)
        if item in seen:
            return item
    return None
