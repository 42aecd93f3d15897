def passing(scores, mark=50):
    """Return a new dict of the names and scores that are at or above mark."""
    return {name: score for name, score in scores.items() if score >= mark}
