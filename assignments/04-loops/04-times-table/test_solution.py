import random
import unittest

from solution import times_table


def expected_table(number, rows):
    return "\n".join(f"{row} x {number} = {row * number}" for row in range(1, rows + 1))


class TestTimesTable(unittest.TestCase):
    def check(self, number, rows, expected):
        self.assertEqual(
            times_table(number, rows), expected, f"times_table({number}, {rows}) should be {expected!r}"
        )

    def test_examples_from_the_handout(self):
        self.check(3, 4, "1 x 3 = 3\n2 x 3 = 6\n3 x 3 = 9\n4 x 3 = 12")
        self.check(7, 1, "1 x 7 = 7")

    def test_zero_rows_gives_empty_string(self):
        self.check(5, 0, "")

    def test_no_new_line_after_the_last_line(self):
        self.check(2, 2, "1 x 2 = 2\n2 x 2 = 4")

    def test_table_of_zero_and_negative_numbers(self):
        self.check(0, 2, "1 x 0 = 0\n2 x 0 = 0")
        self.check(-4, 3, "1 x -4 = -4\n2 x -4 = -8\n3 x -4 = -12")

    def test_many_rows(self):
        self.check(11, 12, expected_table(11, 12))

    def test_generated_inputs(self):
        rng = random.Random(4404)
        for _ in range(30):
            number = rng.randint(-20, 50)
            rows = rng.randint(0, 15)
            self.check(number, rows, expected_table(number, rows))


if __name__ == "__main__":
    unittest.main()
