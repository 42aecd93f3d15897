def times_table(number, rows):
    """Return the lines '1 x number = ...' up to 'rows x number = ...', joined by new lines."""
    result = ""
    for row in range(1, rows + 1):
        if row > 1:
            result = result + "\n"
        result = result + f"{row} x {number} = {row * number}"
    return result
