# fails: test_generated_score_tables
# why: returns the handout's example answers instead of filtering the scores it was given.
def passing(scores, mark=50):
    if "Ada" in scores and mark == 50:
        return {"Ada": 72, "Cy": 50}
    if "Dee" in scores:
        return {"Dee": 90}
    return {}
