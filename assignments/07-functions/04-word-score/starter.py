def letter_score(letter):
    """Return the points of one character: 1 for a vowel, 8 for j q x z, 2 for another letter, else 0."""
    pass


def word_score(word):
    """Return the sum of the letter_score of each character of word."""
    pass
