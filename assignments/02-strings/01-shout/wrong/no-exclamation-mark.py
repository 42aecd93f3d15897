# fails: test_shouts_a_single_word, test_empty_text_gives_just_an_exclamation_mark
# why: forgets to add the exclamation mark at the end
def shout(text):
    return text.upper()
