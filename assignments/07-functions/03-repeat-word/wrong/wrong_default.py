# fails: test_repeats_twice_with_a_space_by_default
# why: gives times the default 1 instead of 2.
def repeat_word(word, times=1, separator=" "):
    return separator.join([word] * times)
