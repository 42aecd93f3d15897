# fails: test_add_minutes_past_midnight
# why: never wraps around after 23:59, so the clock shows 24:10 instead of 00:10
class Clock:
    def __init__(self, hours, minutes):
        self.hours = hours
        self.minutes = minutes

    def __str__(self):
        return f"{self.hours:02}:{self.minutes:02}"

    def add_minutes(self, amount):
        total = self.hours * 60 + self.minutes + amount
        self.hours = total // 60
        self.minutes = total % 60
