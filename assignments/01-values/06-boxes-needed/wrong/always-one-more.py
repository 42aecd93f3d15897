# fails: test_exact_fit_needs_no_extra_box, test_no_items_need_no_boxes
# why: always adds one box, even when the items fit exactly and nothing is left over
def boxes_needed(items, per_box):
    return items // per_box + 1
