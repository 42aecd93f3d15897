# fails: test_examples_from_the_handout, test_odd_start
# why: `steps = steps + 1` is indented into the even branch, so the 3 * n + 1 steps are not counted.
def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
            steps = steps + 1
        else:
            n = 3 * n + 1
    return steps
