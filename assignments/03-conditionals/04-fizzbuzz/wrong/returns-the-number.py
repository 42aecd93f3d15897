# fails: test_other_numbers_are_returned_as_strings
# why: returns the number n itself instead of the string str(n)
def fizzbuzz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    else:
        return n
