# fails: test_unknown_operator_raises_value_error
# why: forgets the else branch, so an unknown operator quietly returns None.
def calculate(a, operator, b):
    if operator == "+":
        return a + b
    elif operator == "-":
        return a - b
    elif operator == "*":
        return a * b
    elif operator == "/":
        try:
            return a / b
        except ZeroDivisionError:
            raise ValueError("cannot divide by zero")
