# fails: test_generated_texts
# why: returns the handout's answers for the handout's texts instead of changing any text
def shout(text):
    answers = {"hello": "HELLO!", "Good morning": "GOOD MORNING!", "": "!"}
    return answers.get(text, "!")
