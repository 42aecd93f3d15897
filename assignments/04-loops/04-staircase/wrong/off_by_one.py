# fails: test_examples_from_the_handout, test_one_step_is_one_sign
# why: range(steps) starts at 0, so the first line is empty and the last line is missing.
def staircase(steps):
    result = ""
    for k in range(steps):
        if k > 0:
            result = result + "\n"
        result = result + " " * (steps - k) + "#" * k
    return result
