# fails: test_returns_names_with_their_scores
# why: returns a list of names instead of a dictionary of names and scores.
def passing(scores, mark=50):
    return [name for name, score in scores.items() if score >= mark]
