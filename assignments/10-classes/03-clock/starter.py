class Clock:
    """A time of day in hours (0-23) and minutes (0-59)."""

    def __init__(self, hours, minutes):
        pass

    def __str__(self):
        """Return the time as "HH:MM"."""
        pass

    def add_minutes(self, amount):
        """Move the clock forward by amount minutes, wrapping past midnight."""
        pass
