# fails: test_a_tie_goes_to_the_alphabetically_first_name, test_examples_from_the_handout
# why: only takes a strictly higher average, so a tie goes to whoever comes first in the dictionary, not in the alphabet.
def best_student(grades):
    best_name = None
    best_average = 0
    for name in grades:
        scores = grades[name]
        average = sum(scores) / len(scores)
        if best_name is None or average > best_average:
            best_name = name
            best_average = average
    return best_name
