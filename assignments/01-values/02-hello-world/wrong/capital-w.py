# fails: test_returns_hello_world, test_uses_a_lowercase_w
# why: writes "World" with a capital W, so the string is not exactly the one asked for
def hello():
    return "Hello World!"
