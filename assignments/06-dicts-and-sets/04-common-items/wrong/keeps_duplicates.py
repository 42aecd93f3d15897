# fails: test_each_value_appears_once, test_examples_from_the_handout
# why: loops over the first list without a set, so a value that is there twice is kept twice.
def common_items(first, second):
    result = []
    for value in first:
        if value in second:
            result.append(value)
    return sorted(result)
