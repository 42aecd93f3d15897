# fails: test_shouts_a_single_word, test_shouts_a_sentence_with_spaces
# why: uses .title(), which makes only the first letter of each word a capital
def shout(text):
    return text.title() + "!"
