# fails: test_century_years_are_not_leap_years, test_february_has_29_days_in_leap_years
# why: forgets the rule for years that divide by 100.
def is_leap_year(year):
    return year % 4 == 0


def days_in_month(month, year):
    if month == 2:
        if is_leap_year(year):
            return 29
        return 28
    if month in [4, 6, 9, 11]:
        return 30
    return 31
