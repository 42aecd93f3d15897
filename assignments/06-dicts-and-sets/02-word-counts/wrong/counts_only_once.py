# fails: test_counts_repeated_words
# why: sets every count to 1 instead of adding 1 to the count so far.
def word_counts(text):
    counts = {}
    for word in text.lower().split():
        counts[word] = 1
    return counts
