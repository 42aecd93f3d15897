# fails: test_parse_age_rejects_text_that_is_not_a_number
# why: catches the ValueError from int() and returns None, instead of letting it reach the caller.
def safe_divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None


def parse_age(text):
    try:
        age = int(text)
    except ValueError:
        return None
    if age < 0:
        raise ValueError("age cannot be negative")
    return age
