# fails: test_average_that_is_not_a_whole_number
# why: uses // (whole-number division), which throws away the decimals of the average
def average(a, b, c):
    return (a + b + c) // 3
