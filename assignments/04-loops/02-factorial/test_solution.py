import unittest

from solution import factorial


class TestFactorial(unittest.TestCase):
    def test_factorial_of_zero_is_one(self):
        self.assertEqual(factorial(0), 1, "factorial(0) should be 1")

    def test_factorial_of_one_is_one(self):
        self.assertEqual(factorial(1), 1, "factorial(1) should be 1")

    def test_factorial_of_small_numbers(self):
        self.assertEqual(factorial(3), 6, "factorial(3) should be 6 (1 * 2 * 3)")
        self.assertEqual(factorial(4), 24, "factorial(4) should be 24 (1 * 2 * 3 * 4)")

    def test_factorial_of_five(self):
        self.assertEqual(factorial(5), 120, "factorial(5) should be 120")

    def test_factorial_of_a_bigger_number(self):
        self.assertEqual(
            factorial(10), 3628800, "factorial(10) should be 3628800"
        )


if __name__ == "__main__":
    unittest.main()
