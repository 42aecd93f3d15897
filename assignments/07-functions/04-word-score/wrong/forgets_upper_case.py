# fails: test_upper_case_scores_like_lower_case, test_generated_words
# why: compares the letter as it is, so "A" is not found among the vowels and scores 2.
def letter_score(letter):
    if not letter.isalpha():
        return 0
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
