# fails: test_century_is_not_a_leap_year
# why: checks "divisible by 4" first, so the exceptions below it are never reached
def is_leap_year(year):
    if year % 4 == 0:
        return True
    elif year % 100 == 0:
        return False
    elif year % 400 == 0:
        return True
    else:
        return False
