# fails: test_numbers_come_back_as_int, test_only_numbers
# why: checks that the piece is a number but keeps the text instead of the int.
def read_numbers(text):
    numbers = []
    for piece in text.split(","):
        try:
            int(piece)
        except ValueError:
            pass
        else:
            numbers.append(piece.strip())
    return numbers
