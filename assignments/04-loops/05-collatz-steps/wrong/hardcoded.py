# fails: test_generated_inputs
# why: returns the handout's answers by `if` instead of playing the game in a loop.
def collatz_steps(n):
    if n == 6:
        return 8
    if n == 7:
        return 16
    return 0
