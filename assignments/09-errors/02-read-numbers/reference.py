def read_numbers(text):
    """Return the whole numbers in the comma-separated text, skipping other pieces."""
    numbers = []
    for piece in text.split(","):
        try:
            number = int(piece)
        except ValueError:
            pass
        else:
            numbers.append(number)
    return numbers
