# fails: test_returns_a_set, test_example_from_the_handout
# why: uses square brackets, so the result is a list with repeated letters instead of a set.
def first_letters(words):
    return [word[0].lower() for word in words if word != ""]
