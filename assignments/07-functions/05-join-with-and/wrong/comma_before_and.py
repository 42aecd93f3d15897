# fails: test_three_items, test_many_items
# why: puts a comma after every item but the last, so the phrase reads "eggs, milk, and bread".
def join_with_and(*items):
    if len(items) == 0:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + ", and " + items[-1]
