# fails: test_keys_are_whole_numbers
# why: uses the length as text, str(len(word)), so the key is "6" instead of the number 6.
def group_by_length(words):
    groups = {}
    for word in words:
        length = str(len(word))
        if length not in groups:
            groups[length] = []
        groups[length].append(word)
    return groups
