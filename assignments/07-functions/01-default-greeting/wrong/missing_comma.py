# fails: test_uses_hello_when_no_greeting_is_given, test_generated_names_and_greetings
# why: forgets the comma between the greeting and the name.
def greet(name, greeting="Hello"):
    return f"{greeting} {name}!"
