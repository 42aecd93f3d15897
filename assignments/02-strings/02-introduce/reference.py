def introduce(name, age):
    """Return the sentence "My name is <name> and my age is <age>."."""
    return f"My name is {name} and my age is {age}."
