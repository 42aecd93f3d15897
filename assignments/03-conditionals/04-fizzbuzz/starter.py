def fizzbuzz(n):
    """Return "Fizz", "Buzz", "FizzBuzz" or n as a string, following the FizzBuzz rules."""
    pass
