def ticket_price(age):
    """Return the zoo's ticket price for a visitor of the given age."""
    pass
