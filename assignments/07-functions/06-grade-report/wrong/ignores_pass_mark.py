# fails: test_report_with_a_pass_mark
# why: always counts passes against 60 instead of using the pass_mark parameter.
def letter_grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    return "F"


def grade_report(scores, pass_mark=60):
    avg = sum(scores) / len(scores)
    passed = 0
    for score in scores:
        if score >= 60:
            passed += 1
    return avg, letter_grade(avg), passed
