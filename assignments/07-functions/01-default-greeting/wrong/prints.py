# fails: test_uses_hello_when_no_greeting_is_given, test_uses_the_greeting_given_by_keyword
# why: prints the greeting instead of returning it, so the function returns None.
def greet(name, greeting="Hello"):
    print(f"{greeting}, {name}!")
