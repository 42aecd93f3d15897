# fails: test_examples_from_the_handout
# why: forgets the step in range(0, len(items)), so a piece starts at every position and they overlap.
def chunks(items, size):
    result = []
    for start in range(0, len(items)):
        result.append(items[start:start + size])
    return result
