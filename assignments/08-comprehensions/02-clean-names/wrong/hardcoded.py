# fails: test_generated_lists_of_names
# why: returns the handout's example answer instead of cleaning the names it was given.
def clean_names(names):
    if names == ["  ada ", "GRACE hopper", "   ", "linus"]:
        return ["Ada", "Grace Hopper", "Linus"]
    return []
