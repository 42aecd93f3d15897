# fails: test_examples_from_the_handout
# why: counts the words of each length instead of listing them.
def group_by_length(words):
    groups = {}
    for word in words:
        groups[len(word)] = groups.get(len(word), 0) + 1
    return groups
