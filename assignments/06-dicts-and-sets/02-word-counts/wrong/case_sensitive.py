# fails: test_ignores_upper_and_lower_case
# why: forgets .lower(), so "Hello" and "hello" are counted as different words.
def word_counts(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts
