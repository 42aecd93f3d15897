# fails: test_dividing_by_zero_raises_value_error
# why: does not catch ZeroDivisionError, so the caller gets Python's error instead of the ValueError asked for.
def calculate(a, operator, b):
    if operator == "+":
        return a + b
    elif operator == "-":
        return a - b
    elif operator == "*":
        return a * b
    elif operator == "/":
        return a / b
    else:
        raise ValueError(f"unknown operator: {operator}")
