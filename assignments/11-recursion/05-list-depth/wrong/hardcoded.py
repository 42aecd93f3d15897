# fails: test_generated_nested_lists
# why: returns the handout's examples by if instead of looking inside the lists
def depth(value):
    if not isinstance(value, list):
        return 0
    if value == [1, [2, [3]], [4]]:
        return 3
    return 1
