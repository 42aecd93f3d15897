# fails: test_divides
# why: uses // (whole-number division), so 1 / 4 gives 0 instead of 0.25.
def calculate(a, operator, b):
    if operator == "+":
        return a + b
    elif operator == "-":
        return a - b
    elif operator == "*":
        return a * b
    elif operator == "/":
        try:
            return a // b
        except ZeroDivisionError:
            raise ValueError("cannot divide by zero")
    else:
        raise ValueError(f"unknown operator: {operator}")
