# fails: test_no_repeat_gives_none
# why: returns False instead of None when nothing is repeated.
def first_repeat(items):
    seen = set()
    for item in items:
        if item in seen:
            return item
        seen.add(item)
    return False
