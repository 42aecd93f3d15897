# fails: test_safe_divide_returns_none_when_dividing_by_zero
# why: returns 0 when dividing by zero, but the assignment asks for None.
def safe_divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return 0


def parse_age(text):
    age = int(text)
    if age < 0:
        raise ValueError("age cannot be negative")
    return age
