# fails: test_parse_age_rejects_negative_ages, test_generated_ages
# why: forgets to check for negative ages, so "-5" becomes -5.
def safe_divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None


def parse_age(text):
    return int(text)
