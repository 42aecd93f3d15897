# fails: test_generated_words_and_separators
# why: returns the handout's examples by if instead of repeating the word.
def repeat_word(word, times=2, separator=" "):
    if word == "ha" and times == 3:
        return "ha ha ha"
    if word == "ha":
        return "ha ha"
    if word == "go":
        return "go! go"
    if word == "la":
        return "la-la-la-la"
    return ""
