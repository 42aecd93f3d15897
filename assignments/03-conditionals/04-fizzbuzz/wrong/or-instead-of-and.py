# fails: test_multiples_of_three_give_fizz, test_multiples_of_five_give_buzz
# why: writes "divisible by 3 or 5" for FizzBuzz, where the rule needs both (and)
def fizzbuzz(n):
    if n % 3 == 0 or n % 5 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    else:
        return str(n)
