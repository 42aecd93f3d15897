# fails: test_generated_names_and_greetings
# why: returns the handout's examples by name instead of building the text.
def greet(name, greeting="Hello"):
    answers = {"Ada": "Hello, Ada!", "Linus": "Hi, Linus!", "Grace": "Good morning, Grace!"}
    return answers.get(name, "Hello!")
