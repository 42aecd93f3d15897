def initials(first, last):
    """Return the initials of first and last, like "A.L." for "Ada", "Lovelace"."""
    pass
