# fails: test_letter_grade_boundaries, test_a_score_equal_to_the_pass_mark_passes
# why: uses > instead of >=, so a score exactly on a boundary gets the lower grade.
def letter_grade(score):
    if score > 90:
        return "A"
    elif score > 80:
        return "B"
    elif score > 70:
        return "C"
    elif score > 60:
        return "D"
    return "F"


def grade_report(scores, pass_mark=60):
    avg = sum(scores) / len(scores)
    passed = 0
    for score in scores:
        if score > pass_mark:
            passed += 1
    return avg, letter_grade(avg), passed
