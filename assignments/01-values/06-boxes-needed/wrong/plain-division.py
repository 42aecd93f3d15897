# fails: test_returns_a_whole_number, test_leftover_items_need_one_more_box
# why: uses / instead of //, which gives a decimal number such as 2.1666666666666665 boxes
def boxes_needed(items, per_box):
    return items / per_box
