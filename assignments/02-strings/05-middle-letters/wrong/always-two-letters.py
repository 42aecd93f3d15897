# fails: test_odd_length_word_gives_one_letter, test_three_letter_word
# why: always takes two letters, so odd-length words get one letter too many
def middle(word):
    return word[len(word) // 2 - 1 : len(word) // 2 + 1]
