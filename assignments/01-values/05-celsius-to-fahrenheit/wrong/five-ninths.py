# fails: test_boiling_water, test_generated_temperatures
# why: multiplies by 5 / 9 instead of 9 / 5 (that is the Fahrenheit-to-Celsius fraction)
def to_fahrenheit(celsius):
    return celsius * 5 / 9 + 32
