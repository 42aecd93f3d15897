# fails: test_examples_from_the_handout, test_length_three
# why: adds the new digit at the end of each shorter string, so the strings come out in the wrong order
def binary_strings(n):
    if n == 0:
        return [""]
    shorter = binary_strings(n - 1)
    return [s + "0" for s in shorter] + [s + "1" for s in shorter]
