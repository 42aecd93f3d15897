# fails: test_zero_gives_one_empty_string, test_examples_from_the_handout
# why: the base case returns [] (no strings at all) instead of [""] (one empty string), so nothing is ever built
def binary_strings(n):
    if n == 0:
        return []
    shorter = binary_strings(n - 1)
    return ["0" + s for s in shorter] + ["1" + s for s in shorter]
