import random
import unittest

from solution import staircase


def expected_staircase(steps):  # the oracle: rjust and join, unlike the reference
    return "\n".join(("#" * k).rjust(steps) for k in range(1, steps + 1))


class TestStaircase(unittest.TestCase):
    def check(self, steps, expected):
        self.assertEqual(staircase(steps), expected, f"staircase({steps}) should be {expected!r}")

    def test_examples_from_the_handout(self):
        self.check(3, "  #\n ##\n###")
        self.check(4, "   #\n  ##\n ###\n####")

    def test_one_step_is_one_sign(self):
        self.check(1, "#")

    def test_zero_steps_gives_empty_string(self):
        self.check(0, "")

    def test_signs_line_up_on_the_right(self):
        self.check(2, " #\n##")

    def test_no_new_line_after_the_last_line(self):
        result = staircase(2)
        self.assertIsInstance(result, str, "staircase(2) should return the text ' #\\n##'")
        self.assertFalse(result.endswith("\n"), f"staircase(2) should not end with a new line: it gave {result!r}")

    def test_generated_steps(self):
        rng = random.Random(4414)
        for _ in range(25):
            steps = rng.randint(0, 30)
            self.check(steps, expected_staircase(steps))


if __name__ == "__main__":
    unittest.main()
