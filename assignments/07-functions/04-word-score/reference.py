def letter_score(letter):
    """Return the points of one character: 1 for a vowel, 8 for j q x z, 2 for another letter, else 0."""
    letter = letter.lower()
    if not letter.isalpha():
        return 0
    if letter in "aeiou":
        return 1
    if letter in "jqxz":
        return 8
    return 2


def word_score(word):
    """Return the sum of the letter_score of each character of word."""
    total = 0
    for letter in word:
        total = total + letter_score(letter)
    return total
