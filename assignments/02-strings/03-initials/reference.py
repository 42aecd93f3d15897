def initials(first, last):
    """Return the initials of first and last, like "A.L." for "Ada", "Lovelace"."""
    return first[0].upper() + "." + last[0].upper() + "."
