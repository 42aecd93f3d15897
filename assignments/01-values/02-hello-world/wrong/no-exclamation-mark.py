# fails: test_returns_hello_world, test_ends_with_an_exclamation_mark
# why: forgets the exclamation mark at the end of the greeting
def hello():
    return "Hello world"
