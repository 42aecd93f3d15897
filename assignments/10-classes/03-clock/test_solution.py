import random
import unittest

from solution import Clock


def expected_text(total_minutes):
    total_minutes %= 24 * 60
    hours, minutes = str(total_minutes // 60), str(total_minutes % 60)
    return ("0" + hours)[-2:] + ":" + ("0" + minutes)[-2:]


class TestClock(unittest.TestCase):
    def test_str_shows_hours_and_minutes(self):
        self.assertEqual(str(Clock(14, 30)), "14:30", 'str(Clock(14, 30)) should be "14:30"')

    def test_str_pads_with_zeros(self):
        self.assertEqual(str(Clock(9, 5)), "09:05", 'str(Clock(9, 5)) should be "09:05"')
        self.assertEqual(str(Clock(0, 0)), "00:00", 'str(Clock(0, 0)) should be "00:00"')

    def test_add_minutes_within_the_hour(self):
        clock = Clock(9, 5)
        clock.add_minutes(10)
        self.assertEqual(str(clock), "09:15", 'after Clock(9, 5).add_minutes(10), str(clock) should be "09:15"')

    def test_add_minutes_past_the_hour(self):
        clock = Clock(9, 5)
        clock.add_minutes(70)
        self.assertEqual(str(clock), "10:15", 'after Clock(9, 5).add_minutes(70), str(clock) should be "10:15"')
        self.assertEqual(clock.hours, 10, "after Clock(9, 5).add_minutes(70), clock.hours should be 10")
        self.assertEqual(clock.minutes, 15, "after Clock(9, 5).add_minutes(70), clock.minutes should be 15")

    def test_add_minutes_past_midnight(self):
        clock = Clock(23, 50)
        clock.add_minutes(20)
        self.assertEqual(str(clock), "00:10", 'after Clock(23, 50).add_minutes(20), str(clock) should be "00:10"')

    def test_add_minutes_returns_nothing(self):
        self.assertIsNone(Clock(8, 0).add_minutes(5), "Clock(8, 0).add_minutes(5) should return None (it changes the clock)")

    def test_generated_times(self):
        rng = random.Random(1003)
        for _ in range(25):
            hours, minutes = rng.randint(0, 23), rng.randint(0, 59)
            clock = Clock(hours, minutes)
            steps = [rng.choice([0, rng.randint(1, 59), rng.randint(60, 3000)]) for _ in range(rng.randint(1, 3))]
            for amount in steps:
                clock.add_minutes(amount)
            expected = expected_text(hours * 60 + minutes + sum(steps))
            calls = "".join(f".add_minutes({amount})" for amount in steps)
            self.assertEqual(str(clock), expected, f"Clock({hours}, {minutes}) then {calls}: str(clock) should be {expected!r}")


if __name__ == "__main__":
    unittest.main()
