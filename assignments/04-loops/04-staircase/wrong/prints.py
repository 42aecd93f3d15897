# fails: test_examples_from_the_handout, test_zero_steps_gives_empty_string
# why: prints each line instead of returning the text, so the function gives back None.
def staircase(steps):
    for k in range(1, steps + 1):
        print(" " * (steps - k) + "#" * k)
