def read_numbers(text):
    """Return the whole numbers in the comma-separated text, skipping other pieces."""
    pass
