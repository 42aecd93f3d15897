# fails: test_adds_floats, test_adds_floats_with_rounding
# why: turns both numbers into whole numbers with int() first, so 1.5 + 2.25 loses its decimals
def sum(a, b):
    return int(a) + int(b)
