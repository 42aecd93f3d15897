# fails: test_generated_inputs
# why: returns the handout's answers by `if` instead of grouping the words.
def group_by_length(words):
    if words == ["hi", "cat", "to", "dog", "a"]:
        return {2: ["hi", "to"], 3: ["cat", "dog"], 1: ["a"]}
    if words == ["sun", "sun"]:
        return {3: ["sun", "sun"]}
    return {}
