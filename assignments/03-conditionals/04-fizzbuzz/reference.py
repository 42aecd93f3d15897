def fizzbuzz(n):
    """Return "Fizz", "Buzz", "FizzBuzz" or n as a string, following the FizzBuzz rules."""
    if n % 15 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    else:
        return str(n)
