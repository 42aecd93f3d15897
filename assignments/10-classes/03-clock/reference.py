class Clock:
    """A time of day in hours (0-23) and minutes (0-59)."""

    def __init__(self, hours, minutes):
        self.hours = hours
        self.minutes = minutes

    def __str__(self):
        """Return the time as "HH:MM"."""
        return f"{self.hours:02}:{self.minutes:02}"

    def add_minutes(self, amount):
        """Move the clock forward by amount minutes, wrapping past midnight."""
        total = (self.hours * 60 + self.minutes + amount) % (24 * 60)
        self.hours = total // 60
        self.minutes = total % 60
