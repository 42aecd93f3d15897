# fails: test_one_needs_no_steps, test_examples_from_the_handout
# why: the counter starts at 1, so it counts the numbers in the chain instead of the steps between them.
def collatz_steps(n):
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps = steps + 1
    return steps
