# fails: test_generated_inputs
# why: returns the handout's answers by `if` instead of counting the words.
def word_counts(text):
    if text == "the cat and the hat":
        return {"the": 2, "cat": 1, "and": 1, "hat": 1}
    if text == "Hello hello HELLO":
        return {"hello": 3}
    if text == "python":
        return {"python": 1}
    return {}
