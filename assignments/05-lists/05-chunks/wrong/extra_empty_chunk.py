# fails: test_no_empty_chunk_at_the_end, test_empty_list_gives_empty_list
# why: always appends the piece being filled at the end, even when it is empty.
def chunks(items, size):
    result = []
    piece = []
    for item in items:
        piece.append(item)
        if len(piece) == size:
            result.append(piece)
            piece = []
    result.append(piece)
    return result
