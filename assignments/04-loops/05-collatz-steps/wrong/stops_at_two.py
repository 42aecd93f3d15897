# fails: test_two_takes_one_step, test_powers_of_two_only_halve
# why: `while n > 2` stops one step early, before the last halving from 2 to 1.
def collatz_steps(n):
    steps = 0
    while n > 2:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps = steps + 1
    return steps
