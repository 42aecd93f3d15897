# fails: test_returns_hello, test_starts_with_a_capital_h
# why: copies the example's output 'Hello' together with its quotes, so the quotes become part of the text
def hello():
    return "'Hello'"
