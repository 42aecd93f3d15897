# fails: test_three_by_three, test_one_by_one
# why: uses range(n), which starts at 0, so the table has a row and a column of zeros and misses n.
def multiplication_grid(n):
    return [[r * c for c in range(n)] for r in range(n)]
