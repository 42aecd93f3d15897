# fails: test_more_scores_do_not_win_by_themselves, test_examples_from_the_handout
# why: compares the sum of the scores, so a student with more tests wins even with lower scores.
def best_student(grades):
    best_name = None
    best_total = 0
    for name in grades:
        total = sum(grades[name])
        if best_name is None or total > best_total or (total == best_total and name < best_name):
            best_name = name
            best_total = total
    return best_name
