import random
import unittest

from solution import binary_strings


def expected_strings(n):
    # Counting from 0 to 2**n - 1, written in binary with n digits.
    result = []
    for number in range(2 ** n):
        digits = ""
        for _ in range(n):
            digits = str(number % 2) + digits
            number //= 2
        result.append(digits)
    return result


class TestBinaryStrings(unittest.TestCase):
    def test_examples_from_the_handout(self):
        self.assertEqual(binary_strings(2), ["00", "01", "10", "11"], 'binary_strings(2) should be ["00", "01", "10", "11"]')
        self.assertEqual(binary_strings(1), ["0", "1"], 'binary_strings(1) should be ["0", "1"]')

    def test_zero_gives_one_empty_string(self):
        self.assertEqual(binary_strings(0), [""], 'binary_strings(0) should be [""] (one string: the empty one)')

    def test_length_three(self):
        expected = ["000", "001", "010", "011", "100", "101", "110", "111"]
        self.assertEqual(binary_strings(3), expected, f"binary_strings(3) should be {expected!r}")

    def test_count_doubles_with_each_length(self):
        for n in range(11):
            result = binary_strings(n)
            self.assertIsInstance(result, list, f"binary_strings({n}) should return a list")
            self.assertEqual(len(result), 2 ** n, f"len(binary_strings({n})) should be {2 ** n}")

    def test_generated_lengths(self):
        rng = random.Random(1106)
        for _ in range(20):
            n = rng.randint(0, 10)
            expected = expected_strings(n)
            shown = expected if n <= 3 else f"the {2 ** n} strings from {expected[0]!r} to {expected[-1]!r} in counting order"
            self.assertEqual(binary_strings(n), expected, f"binary_strings({n}) should be {shown}")


if __name__ == "__main__":
    unittest.main()
