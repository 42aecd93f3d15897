import random
import unittest

from solution import fizzbuzz


def say(n):
    """Build the word from its parts; fall back to the number."""
    word = ("Fizz" if n % 3 == 0 else "") + ("Buzz" if n % 5 == 0 else "")
    return word or str(n)


class TestFizzBuzz(unittest.TestCase):
    def check(self, n):
        expected = say(n)
        self.assertEqual(fizzbuzz(n), expected, f"fizzbuzz({n}) should be {expected!r}")

    def test_multiples_of_three_give_fizz(self):
        self.check(3)
        self.check(9)

    def test_multiples_of_five_give_buzz(self):
        self.check(5)
        self.check(20)

    def test_multiples_of_three_and_five_give_fizzbuzz(self):
        self.assertEqual(
            fizzbuzz(15), "FizzBuzz",
            'fizzbuzz(15) should be "FizzBuzz" (check "both" before "Fizz" and "Buzz")',
        )
        self.check(45)

    def test_other_numbers_are_returned_as_strings(self):
        self.assertEqual(fizzbuzz(7), "7", 'fizzbuzz(7) should be the string "7", not the number 7')
        self.check(1)

    def test_large_number_that_is_not_a_multiple(self):
        self.check(98)

    def test_large_multiples(self):
        self.check(300)
        self.check(1001)
        self.check(99999)

    def test_generated_numbers(self):
        rng = random.Random(3004)
        for _ in range(40):
            self.check(rng.randint(1, 10_000))


if __name__ == "__main__":
    unittest.main()
