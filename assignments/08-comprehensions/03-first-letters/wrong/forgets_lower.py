# fails: test_capital_letters_become_small, test_example_from_the_handout
# why: forgets .lower(), so "A" and "a" both end up in the set.
def first_letters(words):
    return {word[0] for word in words if word != ""}
