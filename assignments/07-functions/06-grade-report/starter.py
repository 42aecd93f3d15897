def letter_grade(score):
    """Return "A", "B", "C", "D" or "F" for a score from 0 to 100."""
    pass


def grade_report(scores, pass_mark=60):
    """Return (average, letter of the average, number of scores >= pass_mark)."""
    pass
