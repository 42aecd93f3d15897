import operator as op
import random
import unittest

from solution import calculate

OPERATIONS = {"+": op.add, "-": op.sub, "*": op.mul, "/": op.truediv}


class TestCalculate(unittest.TestCase):
    def check_raises(self, a, operator, b, message):
        call = f"calculate({a!r}, {operator!r}, {b!r})"
        with self.assertRaises(ValueError, msg=f'{call} should raise ValueError("{message}")') as caught:
            calculate(a, operator, b)
        self.assertEqual(str(caught.exception), message, f'{call} should raise ValueError("{message}")')

    def check_number(self, result, expected, call):
        self.assertIsInstance(result, (int, float), f"{call} should be the number {expected!r}")
        self.assertAlmostEqual(result, expected, msg=f"{call} should be {expected!r}")

    def test_adds_subtracts_and_multiplies(self):
        self.assertEqual(calculate(6, "*", 7), 42, 'calculate(6, "*", 7) should be 42')
        self.assertEqual(calculate(2, "-", 5), -3, 'calculate(2, "-", 5) should be -3')
        self.assertEqual(calculate(2, "+", 5), 7, 'calculate(2, "+", 5) should be 7')

    def test_divides(self):
        self.check_number(calculate(1, "/", 4), 0.25, 'calculate(1, "/", 4)')
        self.check_number(calculate(7, "/", 2), 3.5, 'calculate(7, "/", 2)')
        self.check_number(calculate(0, "/", 5), 0.0, 'calculate(0, "/", 5)')

    def test_dividing_by_zero_raises_value_error(self):
        self.check_raises(1, "/", 0, "cannot divide by zero")
        self.check_raises(0, "/", 0, "cannot divide by zero")

    def test_unknown_operator_raises_value_error(self):
        self.check_raises(2, "^", 3, "unknown operator: ^")
        self.check_raises(2, "plus", 3, "unknown operator: plus")
        self.check_raises(2, "", 3, "unknown operator: ")

    def test_zero_is_fine_outside_division(self):
        self.assertEqual(calculate(5, "*", 0), 0, 'calculate(5, "*", 0) should be 0')
        self.assertEqual(calculate(5, "-", 0), 5, 'calculate(5, "-", 0) should be 5')

    def test_generated_calculations(self):
        rng = random.Random(9005)
        for _ in range(40):
            a, b = rng.randint(-20, 20), rng.randint(-5, 5)
            operator = rng.choice(["+", "-", "*", "/", "%", "x"])
            call = f"calculate({a}, {operator!r}, {b})"
            if operator not in OPERATIONS:
                self.check_raises(a, operator, b, f"unknown operator: {operator}")
            elif operator == "/" and b == 0:
                self.check_raises(a, operator, b, "cannot divide by zero")
            else:
                expected = OPERATIONS[operator](a, b)
                self.check_number(calculate(a, operator, b), expected, call)


if __name__ == "__main__":
    unittest.main()
