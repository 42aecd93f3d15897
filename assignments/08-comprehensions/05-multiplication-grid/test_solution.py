import random
import unittest

from solution import multiplication_grid


def expected_table(n):
    table = []
    for r in range(1, n + 1):
        row = []
        total = 0
        for _ in range(n):
            total += r
            row.append(total)
        table.append(row)
    return table


class TestMultiplicationGrid(unittest.TestCase):
    def test_three_by_three(self):
        self.assertEqual(
            multiplication_grid(3), [[1, 2, 3], [2, 4, 6], [3, 6, 9]], "multiplication_grid(3) should be [[1, 2, 3], [2, 4, 6], [3, 6, 9]]"
        )

    def test_one_by_one(self):
        self.assertEqual(multiplication_grid(1), [[1]], "multiplication_grid(1) should be [[1]]")

    def test_zero_gives_an_empty_table(self):
        self.assertEqual(multiplication_grid(0), [], "multiplication_grid(0) should be []")

    def test_is_a_list_of_rows(self):
        table = multiplication_grid(2)
        self.assertEqual(table, [[1, 2], [2, 4]], "multiplication_grid(2) should be [[1, 2], [2, 4]] (a list of two rows)")

    def test_last_row_of_a_bigger_table(self):
        table = multiplication_grid(10)
        self.assertIsInstance(table, list, "multiplication_grid(10) should return a list of 10 rows")
        self.assertEqual(len(table), 10, "multiplication_grid(10) should have 10 rows")
        self.assertEqual(table[9], expected_table(10)[9], f"the last row of multiplication_grid(10) should be {expected_table(10)[9]}")

    def test_generated_sizes(self):
        rng = random.Random(8005)
        for _ in range(20):
            n = rng.randint(0, 15)
            self.assertEqual(multiplication_grid(n), expected_table(n), f"multiplication_grid({n}) should be {expected_table(n)}")


if __name__ == "__main__":
    unittest.main()
