# fails: test_returns_hello, test_has_no_extra_spaces
# why: leaves a space at the end of the string, which makes it a different string
def hello():
    return "Hello "
