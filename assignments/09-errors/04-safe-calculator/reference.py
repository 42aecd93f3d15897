def calculate(a, operator, b):
    """Return a operator b for "+", "-", "*" or "/"; raise ValueError otherwise."""
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
    else:
        raise ValueError(f"unknown operator: {operator}")
