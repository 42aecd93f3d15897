# fails: test_freezing_water, test_boiling_water
# why: adds 32 before multiplying, because of brackets in the wrong place
def to_fahrenheit(celsius):
    return (celsius + 32) * 9 / 5
