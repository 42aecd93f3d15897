def ticket_price(age):
    """Return the zoo's ticket price for a visitor of the given age."""
    if age < 3:
        return 0
    elif age < 12:
        return 5
    elif age < 65:
        return 10
    else:
        return 7
