def letter_grade(score):
    """Return "A", "B", "C", "D" or "F" for a score from 0 to 100."""
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
    """Return (average, letter of the average, number of scores >= pass_mark)."""
    avg = sum(scores) / len(scores)
    passed = 0
    for score in scores:
        if score >= pass_mark:
            passed += 1
    return avg, letter_grade(avg), passed
