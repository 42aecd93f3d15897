# fails: test_generated_inputs
# why: returns the handout's answers by `if` instead of cutting the list.
def chunks(items, size):
    if items == [1, 2, 3, 4, 5]:
        return [[1, 2], [3, 4], [5]]
    if items == ["a", "b", "c", "d", "e", "f"]:
        return [["a", "b", "c"], ["d", "e", "f"]]
    if items == [1, 2]:
        return [[1, 2]]
    return []
