# fails: test_last_chunk_can_be_shorter, test_size_bigger_than_the_list
# why: stops the range at len(items) - size + 1, so the leftover items at the end are lost.
def chunks(items, size):
    result = []
    for start in range(0, len(items) - size + 1, size):
        result.append(items[start:start + size])
    return result
