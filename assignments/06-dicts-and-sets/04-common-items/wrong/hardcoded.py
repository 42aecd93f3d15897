# fails: test_generated_inputs
# why: returns the handout's answers by `if` instead of comparing the lists.
def common_items(first, second):
    if first == [1, 2, 3, 4]:
        return [3, 4]
    if first == ["pear", "fig", "fig"]:
        return ["fig", "pear"]
    return []
