# fails: test_uses_the_mark_given
# why: always compares with 50 instead of the mark parameter.
def passing(scores, mark=50):
    return {name: score for name, score in scores.items() if score >= 50}
