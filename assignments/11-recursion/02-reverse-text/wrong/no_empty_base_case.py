# fails: test_empty_text
# why: the base case only handles one character, so an empty text never stops recursing
def reverse_text(text):
    if len(text) == 1:
        return text
    return reverse_text(text[1:]) + text[0]
