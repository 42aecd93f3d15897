# fails: test_examples_from_the_handout
# why: range(rows) starts at 0, so the table begins with "0 x number" and misses the last row.
def times_table(number, rows):
    result = ""
    for row in range(rows):
        if row > 0:
            result = result + "\n"
        result = result + f"{row} x {number} = {row * number}"
    return result
