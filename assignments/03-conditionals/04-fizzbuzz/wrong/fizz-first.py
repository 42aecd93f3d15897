# fails: test_multiples_of_three_and_five_give_fizzbuzz
# why: checks "divisible by 3" before "divisible by 3 and 5", so 15 stops at "Fizz"
def fizzbuzz(n):
    if n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    elif n % 15 == 0:
        return "FizzBuzz"
    else:
        return str(n)
