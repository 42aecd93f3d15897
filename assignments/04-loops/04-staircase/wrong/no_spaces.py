# fails: test_examples_from_the_handout, test_signs_line_up_on_the_right
# why: forgets the spaces in front, so the staircase leans to the left.
def staircase(steps):
    result = ""
    for k in range(1, steps + 1):
        if k > 1:
            result = result + "\n"
        result = result + "#" * k
    return result
