import random
import unittest

from solution import parse_time

SHAPE = "time must look like HH:MM"
HOUR = "hour must be between 0 and 23"
MINUTE = "minute must be between 0 and 59"


class TestParseTime(unittest.TestCase):
    def check_raises(self, text, message):
        call = f"parse_time({text!r})"
        with self.assertRaises(ValueError, msg=f'{call} should raise ValueError("{message}")') as caught:
            parse_time(text)
        self.assertEqual(str(caught.exception), message, f'{call} should raise ValueError("{message}")')

    def test_reads_good_times(self):
        self.assertEqual(parse_time("09:30"), (9, 30), 'parse_time("09:30") should be (9, 30)')
        self.assertEqual(parse_time("23:59"), (23, 59), 'parse_time("23:59") should be (23, 59)')
        self.assertEqual(parse_time("00:00"), (0, 0), 'parse_time("00:00") should be (0, 0)')
        self.assertEqual(parse_time("7:05"), (7, 5), 'parse_time("7:05") should be (7, 5)')

    def test_returns_a_tuple_of_numbers(self):
        self.assertEqual(parse_time("12:15"), (12, 15), 'parse_time("12:15") should be the tuple (12, 15) of two numbers')

    def test_wrong_number_of_colons(self):
        for text in ["noon", "0930", "1:2:3", ""]:
            self.check_raises(text, SHAPE)

    def test_text_that_is_not_numbers_is_rejected(self):
        for text in ["ab:cd", "12:xx", ":30", "9.5:00"]:
            self.check_raises(text, SHAPE)

    def test_hour_out_of_range(self):
        for text in ["24:00", "25:10", "-1:30"]:
            self.check_raises(text, HOUR)

    def test_minute_out_of_range(self):
        for text in ["12:60", "00:99", "5:-1"]:
            self.check_raises(text, MINUTE)

    def test_hour_is_checked_before_minute(self):
        self.check_raises("30:75", HOUR)

    def test_generated_times(self):
        rng = random.Random(9006)
        for _ in range(40):
            hours, minutes = rng.randint(-3, 28), rng.randint(-3, 64)
            text = f"{hours:02d}:{minutes:02d}" if hours >= 0 and minutes >= 0 else f"{hours}:{minutes}"
            if not 0 <= hours < 24:
                self.check_raises(text, HOUR)
            elif not 0 <= minutes < 60:
                self.check_raises(text, MINUTE)
            else:
                self.assertEqual(parse_time(text), (hours, minutes), f"parse_time({text!r}) should be {(hours, minutes)}")


if __name__ == "__main__":
    unittest.main()
