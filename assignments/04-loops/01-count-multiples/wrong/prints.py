# fails: test_examples_from_the_handout
# why: prints the count instead of returning it, so the function gives back None.
def count_multiples(n, k):
    count = 0
    for number in range(1, n + 1):
        if number % k == 0:
            count = count + 1
    print(count)
