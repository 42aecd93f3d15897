# fails: test_generated_calculations
# why: returns the handout's examples by if instead of calculating.
def calculate(a, operator, b):
    if (a, operator, b) == (6, "*", 7):
        return 42
    if (a, operator, b) == (1, "/", 4):
        return 0.25
    if (a, operator, b) == (2, "-", 5):
        return -3
    if b == 0:
        raise ValueError("cannot divide by zero")
    raise ValueError(f"unknown operator: {operator}")
