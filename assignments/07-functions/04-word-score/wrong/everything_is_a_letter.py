# fails: test_characters_that_are_not_letters_score_zero, test_word_with_spaces_and_digits
# why: forgets the "not a letter" case, so spaces, digits and "!" score 2 like other letters.
def letter_score(letter):
    letter = letter.lower()
    if letter in "aeiou":
        return 1
    if letter in "jqxz":
        return 8
    return 2


def word_score(word):
    total = 0
    for letter in word:
        total = total + letter_score(letter)
    return total
