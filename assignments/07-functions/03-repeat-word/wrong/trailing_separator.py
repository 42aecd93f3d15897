# fails: test_repeats_twice_with_a_space_by_default, test_one_copy_has_no_separator
# why: adds the separator after every copy, so the result ends with an extra separator.
def repeat_word(word, times=2, separator=" "):
    text = ""
    for _ in range(times):
        text += word + separator
    return text
