# fails: test_negative_numbers_are_kept
# why: checks with .isdigit(), which is False for "-7", so negative numbers are lost.
def read_numbers(text):
    numbers = []
    for piece in text.split(","):
        if piece.strip().isdigit():
            numbers.append(int(piece))
    return numbers
