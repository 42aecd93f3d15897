# fails: test_equal_numbers_at_different_places_make_pairs
# why: loops over values and skips equal values to avoid self-pairs, which also drops pairs of equal numbers.
def pairs_summing_to(numbers, target):
    return [
        (a, b)
        for a in numbers
        for b in numbers
        if a != b and numbers.index(a) < numbers.index(b) and a + b == target
    ]
