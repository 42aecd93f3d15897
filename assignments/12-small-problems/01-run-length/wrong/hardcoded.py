# fails: test_generated_texts
# why: returns the handout's examples by lookup instead of encoding the text
def run_length_encode(text):
    answers = {"aaabcc": "a3b1c2", "abc": "a1b1c1", "zzzzzzzzzzzz": "z12", "": ""}
    return answers.get(text, text)
