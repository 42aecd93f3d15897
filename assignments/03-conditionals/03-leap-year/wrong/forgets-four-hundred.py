# fails: test_year_divisible_by_four_hundred_is_a_leap_year
# why: forgets the last exception, so 2000 is wrongly not a leap year
def is_leap_year(year):
    if year % 100 == 0:
        return False
    elif year % 4 == 0:
        return True
    else:
        return False
