# fails: test_freezing_water, test_generated_temperatures
# why: forgets to add 32 at the end
def to_fahrenheit(celsius):
    return celsius * 9 / 5
