# fails: test_returns_hello, test_starts_with_a_capital_h
# why: writes "hello" with a small h; strings must match exactly, capitals included
def hello():
    return "hello"
