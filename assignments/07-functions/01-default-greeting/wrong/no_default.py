# fails: test_uses_hello_when_no_greeting_is_given
# why: greeting has no default value, so calling greet("Ada") with one argument is an error.
def greet(name, greeting):
    return f"{greeting}, {name}!"
