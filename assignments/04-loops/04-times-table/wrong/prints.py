# fails: test_examples_from_the_handout, test_zero_rows_gives_empty_string
# why: prints each line instead of returning the text, so the function gives back None.
def times_table(number, rows):
    for row in range(1, rows + 1):
        print(f"{row} x {number} = {row * number}")
