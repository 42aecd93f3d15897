# fails: test_generated_steps
# why: returns the handout's answers by `if` instead of building the lines in a loop.
def staircase(steps):
    if steps == 3:
        return "  #\n ##\n###"
    if steps == 4:
        return "   #\n  ##\n ###\n####"
    if steps == 1:
        return "#"
    return ""
