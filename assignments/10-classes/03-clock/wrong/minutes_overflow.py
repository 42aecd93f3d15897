# fails: test_add_minutes_past_the_hour
# why: adds to the minutes without carrying full hours over, so 09:05 plus 70 minutes shows 09:75
class Clock:
    def __init__(self, hours, minutes):
        self.hours = hours
        self.minutes = minutes

    def __str__(self):
        return f"{self.hours:02}:{self.minutes:02}"

    def add_minutes(self, amount):
        self.minutes = self.minutes + amount
