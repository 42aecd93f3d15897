# fails: test_empty_words_are_skipped
# why: does not skip empty strings, and "" has no first letter (an IndexError).
def first_letters(words):
    return {word[0].lower() for word in words}
