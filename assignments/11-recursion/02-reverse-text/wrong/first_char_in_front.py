# fails: test_examples_from_the_handout, test_two_characters
# why: puts the first character back in front, so the text comes out in its original order
def reverse_text(text):
    if len(text) <= 1:
        return text
    return text[0] + reverse_text(text[1:])
