def to_fahrenheit(celsius):
    """Return the temperature celsius (in degrees Celsius) in degrees Fahrenheit."""
    return celsius * 9 / 5 + 32
