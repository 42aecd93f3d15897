# fails: test_generated_numbers
# why: returns the handout's answers for the handout's numbers instead of applying the rules
def fizzbuzz(n):
    answers = {3: "Fizz", 9: "Fizz", 5: "Buzz", 20: "Buzz", 15: "FizzBuzz", 45: "FizzBuzz"}
    return answers.get(n, str(n))
