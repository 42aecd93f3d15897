# fails: test_average_not_best_single_score
# why: compares each student's best score (max) instead of their average.
def best_student(grades):
    best_name = None
    best_score = 0
    for name in grades:
        score = max(grades[name])
        if best_name is None or score > best_score or (score == best_score and name < best_name):
            best_name = name
            best_score = score
    return best_name
