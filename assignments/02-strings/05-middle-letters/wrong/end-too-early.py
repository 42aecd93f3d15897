# fails: test_odd_length_word_gives_one_letter, test_one_letter_word
# why: off by one: forgets that a slice stops just before its end position, so it returns one letter too few
def middle(word):
    return word[(len(word) - 1) // 2 : len(word) // 2]
