def is_leap_year(year):
    """Return True if year is a leap year, else False."""
    if year % 400 == 0:
        return True
    if year % 100 == 0:
        return False
    return year % 4 == 0


def days_in_month(month, year):
    """Return the number of days in month (1 to 12) of year."""
    if month == 2:
        if is_leap_year(year):
            return 29
        return 28
    if month in [4, 6, 9, 11]:
        return 30
    return 31
