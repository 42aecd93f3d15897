# fails: test_returns_a_string, test_returns_hello_world
# why: prints the greeting instead of returning it, so the function gives back None
def hello():
    print("Hello world!")
