# fails: test_a_score_equal_to_the_mark_passes, test_example_from_the_handout
# why: uses > instead of >=, so a score exactly on the mark fails.
def passing(scores, mark=50):
    return {name: score for name, score in scores.items() if score > mark}
