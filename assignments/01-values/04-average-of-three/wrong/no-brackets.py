# fails: test_handout_examples, test_divides_the_whole_sum
# why: forgets the brackets, so only c is divided by 3 (division happens before addition)
def average(a, b, c):
    return a + b + c / 3
