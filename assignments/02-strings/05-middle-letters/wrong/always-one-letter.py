# fails: test_even_length_word_gives_two_letters, test_two_letter_word
# why: always takes one letter, word[len(word) // 2], so even-length words lose a middle letter
def middle(word):
    return word[len(word) // 2]
