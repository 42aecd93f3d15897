# fails: test_generated_words
# why: returns the handout's answers for the handout's words instead of finding the middle
def middle(word):
    answers = {"apple": "p", "code": "od", "a": "a"}
    return answers.get(word, word[0])
