# fails: test_generated_inputs
# why: returns the handout's answers by `if` instead of working out the averages.
def best_student(grades):
    if "ana" in grades:
        return "ana"
    if "max" in grades:
        return "max"
    return None
