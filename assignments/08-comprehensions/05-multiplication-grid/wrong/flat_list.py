# fails: test_is_a_list_of_rows, test_three_by_three
# why: puts every product in one flat list instead of one list per row.
def multiplication_grid(n):
    return [r * c for r in range(1, n + 1) for c in range(1, n + 1)]
