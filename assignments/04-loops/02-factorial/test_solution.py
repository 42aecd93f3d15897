import random
import unittest

from solution import factorial


def expected_factorial(n):
    # Counting down instead of up: the product is the same.
    product = 1
    while n > 1:
        product *= n
        n -= 1
    return product


class TestFactorial(unittest.TestCase):
    def test_factorial_of_zero_is_one(self):
        self.assertEqual(factorial(0), 1, "factorial(0) should be 1")

    def test_factorial_of_one_is_one(self):
        self.assertEqual(factorial(1), 1, "factorial(1) should be 1")

    def test_factorial_of_small_numbers(self):
        self.assertEqual(factorial(2), 2, "factorial(2) should be 2 (1 * 2)")
        self.assertEqual(factorial(3), 6, "factorial(3) should be 6 (1 * 2 * 3)")
        self.assertEqual(factorial(4), 24, "factorial(4) should be 24 (1 * 2 * 3 * 4)")

    def test_factorial_of_five(self):
        self.assertEqual(factorial(5), 120, "factorial(5) should be 120")

    def test_factorial_of_a_bigger_number(self):
        self.assertEqual(factorial(10), 3628800, "factorial(10) should be 3628800")
        self.assertEqual(
            factorial(25),
            15511210043330985984000000,
            "factorial(25) should be 15511210043330985984000000",
        )

    def test_generated_inputs(self):
        rng = random.Random(4202)
        for _ in range(25):
            n = rng.randint(0, 40)
            expected = expected_factorial(n)
            self.assertEqual(factorial(n), expected, f"factorial({n}) should be {expected}")


if __name__ == "__main__":
    unittest.main()
