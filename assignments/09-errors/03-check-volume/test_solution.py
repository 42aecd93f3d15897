import random
import unittest

from solution import set_volume

RANGE_MESSAGE = "volume must be between 0 and 10"
TYPE_MESSAGE = "volume must be a whole number"


class TestSetVolume(unittest.TestCase):
    def check_raises(self, kind, message, level):
        call = f"set_volume({level!r})"
        with self.assertRaises(kind, msg=f'{call} should raise {kind.__name__}("{message}")') as caught:
            set_volume(level)
        self.assertEqual(str(caught.exception), message, f'{call} should raise {kind.__name__}("{message}")')

    def test_every_level_from_0_to_10_is_accepted(self):
        for level in range(11):
            self.assertEqual(set_volume(level), level, f"set_volume({level}) should be {level}")

    def test_too_loud_raises_value_error(self):
        for level in [11, 12, 100]:
            self.check_raises(ValueError, RANGE_MESSAGE, level)

    def test_below_zero_raises_value_error(self):
        for level in [-1, -50]:
            self.check_raises(ValueError, RANGE_MESSAGE, level)

    def test_wrong_type_raises_type_error(self):
        for level in ["loud", "5", 2.5, 5.0, None, [5]]:
            self.check_raises(TypeError, TYPE_MESSAGE, level)

    def test_generated_levels(self):
        rng = random.Random(9004)
        for _ in range(40):
            level = rng.randint(-30, 40)
            if 0 <= level <= 10:
                self.assertEqual(set_volume(level), level, f"set_volume({level}) should be {level}")
            else:
                self.check_raises(ValueError, RANGE_MESSAGE, level)


if __name__ == "__main__":
    unittest.main()
