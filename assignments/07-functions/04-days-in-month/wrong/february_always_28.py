# fails: test_february_has_29_days_in_leap_years
# why: days_in_month does not call is_leap_year, so February always has 28 days.
def is_leap_year(year):
    if year % 400 == 0:
        return True
    if year % 100 == 0:
        return False
    return year % 4 == 0


def days_in_month(month, year):
    if month == 2:
        return 28
    if month in [4, 6, 9, 11]:
        return 30
    return 31
