def calculate(a, operator, b):
    """Return a operator b for "+", "-", "*" or "/"; raise ValueError otherwise."""
    pass
