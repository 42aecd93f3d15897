# fails: test_shouts_a_single_word, test_generated_texts
# why: prints the shouted text instead of returning it, so the function gives back None
def shout(text):
    print(text.upper() + "!")
