# fails: test_bad_pieces_are_skipped
# why: puts the whole loop inside one try, so the first bad piece stops the reading.
def read_numbers(text):
    numbers = []
    try:
        for piece in text.split(","):
            numbers.append(int(piece))
    except ValueError:
        pass
    return numbers
