# fails: test_zero
# why: has only two branches, so zero falls into "negative" by the else
def sign(n):
    if n > 0:
        return "positive"
    else:
        return "negative"
