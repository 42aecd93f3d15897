# fails: test_each_pair_once, test_examples_from_the_handout
# why: the inner loop starts at 0, so every pair is found twice, once in each order.
def pairs_with_sum(numbers, target):
    pairs = []
    for i in range(len(numbers)):
        for j in range(len(numbers)):
            if i != j and numbers[i] + numbers[j] == target:
                pairs.append([numbers[i], numbers[j]])
    return pairs
