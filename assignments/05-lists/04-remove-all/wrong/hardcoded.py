# fails: test_generated_inputs
# why: returns the handout's answers by `if` instead of removing the value.
def remove_all(items, value):
    if items == [1, 2, 1, 3, 1]:
        return [2, 3]
    if items == ["tea", "milk", "tea"]:
        return ["milk"]
    if items == [4, 4, 4]:
        return []
    return items
