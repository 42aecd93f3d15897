# fails: test_no_new_line_after_the_last_line
# why: adds "\n" after every line, so the text ends with an extra new line.
def times_table(number, rows):
    result = ""
    for row in range(1, rows + 1):
        result = result + f"{row} x {number} = {row * number}\n"
    return result
