# fails: test_positive_number, test_generated_numbers
# why: prints the word instead of returning it, so the function gives back None
def sign(n):
    if n > 0:
        print("positive")
    elif n < 0:
        print("negative")
    else:
        print("zero")
