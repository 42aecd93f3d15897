# fails: test_generated_word_lists
# why: returns the handout's example answers instead of looking at the words.
def first_letters(words):
    if "Apple" in words:
        return {"a", "b", "c"}
    if "Kiwi" in words:
        return {"k"}
    return set()
