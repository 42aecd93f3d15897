# fails: test_zero
# why: uses >= instead of >, so zero counts as positive and the "zero" branch is never reached
def sign(n):
    if n >= 0:
        return "positive"
    elif n < 0:
        return "negative"
    else:
        return "zero"
