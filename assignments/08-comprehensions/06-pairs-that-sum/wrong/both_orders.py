# fails: test_example_from_the_handout, test_each_pair_once_in_list_order
# why: j goes over the whole list, so every pair is found twice, once in each order.
def pairs_summing_to(numbers, target):
    return [
        (numbers[i], numbers[j])
        for i in range(len(numbers))
        for j in range(len(numbers))
        if i != j and numbers[i] + numbers[j] == target
    ]
