import unittest

from solution import fizzbuzz


class TestFizzBuzz(unittest.TestCase):
    def test_multiples_of_three_give_fizz(self):
        self.assertEqual(fizzbuzz(3), "Fizz", 'fizzbuzz(3) should be "Fizz"')
        self.assertEqual(fizzbuzz(9), "Fizz", 'fizzbuzz(9) should be "Fizz"')

    def test_multiples_of_five_give_buzz(self):
        self.assertEqual(fizzbuzz(5), "Buzz", 'fizzbuzz(5) should be "Buzz"')
        self.assertEqual(fizzbuzz(20), "Buzz", 'fizzbuzz(20) should be "Buzz"')

    def test_multiples_of_three_and_five_give_fizzbuzz(self):
        self.assertEqual(
            fizzbuzz(15), "FizzBuzz",
            'fizzbuzz(15) should be "FizzBuzz" (check "both" before "Fizz" and "Buzz")',
        )
        self.assertEqual(fizzbuzz(45), "FizzBuzz", 'fizzbuzz(45) should be "FizzBuzz"')

    def test_other_numbers_are_returned_as_strings(self):
        self.assertEqual(fizzbuzz(7), "7", 'fizzbuzz(7) should be the string "7", not the number 7')
        self.assertEqual(fizzbuzz(1), "1", 'fizzbuzz(1) should be the string "1"')

    def test_large_number_that_is_not_a_multiple(self):
        self.assertEqual(fizzbuzz(98), "98", 'fizzbuzz(98) should be "98"')


if __name__ == "__main__":
    unittest.main()
