# fails: test_no_new_line_after_the_last_line
# why: adds "\n" after every line, so the text ends with an extra new line.
def staircase(steps):
    result = ""
    for k in range(1, steps + 1):
        result = result + " " * (steps - k) + "#" * k + "\n"
    return result
