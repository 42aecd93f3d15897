# fails: test_generated_inputs
# why: returns the handout's answers by `if` instead of remembering what it has seen.
def first_repeat(items):
    if items == ["a", "b", "c", "b", "a"]:
        return "b"
    if items == [3, 1, 4, 1, 5, 3]:
        return 1
    return None
