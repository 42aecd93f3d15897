# fails: test_three_items, test_two_items_have_no_comma
# why: forgets the star, so join_with_and takes exactly one argument and join_with_and("tea", "cake") is an error.
def join_with_and(items):
    if len(items) == 0:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]
