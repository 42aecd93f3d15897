# fails: test_words_of_the_same_length_are_kept_together, test_examples_from_the_handout
# why: makes a new list for every word, so each length keeps only the last word.
def group_by_length(words):
    groups = {}
    for word in words:
        groups[len(word)] = [word]
    return groups
