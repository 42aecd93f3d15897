def is_leap_year(year):
    """Return True if year is a leap year, otherwise False."""
    pass
