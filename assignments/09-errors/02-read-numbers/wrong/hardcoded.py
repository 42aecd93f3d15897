# fails: test_generated_texts
# why: returns the handout's examples by if instead of reading the text.
def read_numbers(text):
    if text == "4, 8, 15":
        return [4, 8, 15]
    if text == "1, two, 3, , 5.5, -7":
        return [1, 3, -7]
    return []
