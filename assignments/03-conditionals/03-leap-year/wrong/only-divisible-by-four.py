# fails: test_century_is_not_a_leap_year
# why: uses only the first part of the rule, so 1900 counts as a leap year
def is_leap_year(year):
    if year % 4 == 0:
        return True
    else:
        return False
