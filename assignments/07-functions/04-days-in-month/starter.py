def is_leap_year(year):
    """Return True if year is a leap year, else False."""
    pass


def days_in_month(month, year):
    """Return the number of days in month (1 to 12) of year."""
    pass
