# fails: test_returns_hello_world, test_ends_with_an_exclamation_mark
# why: copies the example's output 'Hello world!' together with its quotes, so the quotes become part of the text
def hello():
    return "'Hello world!'"
