# fails: test_examples_from_the_handout, test_word_with_spaces_and_digits
# why: word_score counts the characters instead of calling letter_score for each one.
def letter_score(letter):
    letter = letter.lower()
    if not letter.isalpha():
        return 0
    if letter in "aeiou":
        return 1
    if letter in "jqxz":
        return 8
    return 2


def word_score(word):
    return len(word)
