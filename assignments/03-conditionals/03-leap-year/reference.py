def is_leap_year(year):
    """Return True if year is a leap year, otherwise False."""
    if year % 400 == 0:
        return True
    elif year % 100 == 0:
        return False
    elif year % 4 == 0:
        return True
    else:
        return False
