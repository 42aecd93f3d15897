# fails: test_every_word_gets_a_capital
# why: uses .capitalize(), which gives a capital only to the first word.
def clean_names(names):
    return [name.strip().capitalize() for name in names if name.strip()]
