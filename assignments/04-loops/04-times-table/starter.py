def times_table(number, rows):
    """Return the lines '1 x number = ...' up to 'rows x number = ...', joined by new lines."""
    pass
