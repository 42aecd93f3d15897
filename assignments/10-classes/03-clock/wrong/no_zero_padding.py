# fails: test_str_pads_with_zeros
# why: joins the numbers without padding them, so 9:05 shows as "9:5"
class Clock:
    def __init__(self, hours, minutes):
        self.hours = hours
        self.minutes = minutes

    def __str__(self):
        return str(self.hours) + ":" + str(self.minutes)

    def add_minutes(self, amount):
        total = (self.hours * 60 + self.minutes + amount) % (24 * 60)
        self.hours = total // 60
        self.minutes = total % 60
