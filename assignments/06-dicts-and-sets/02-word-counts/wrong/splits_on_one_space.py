# fails: test_handles_extra_spaces_and_new_lines, test_empty_text_gives_empty_dict
# why: split(" ") cuts at every single space, so extra spaces give empty "words" and tabs or new lines stay inside words.
def word_counts(text):
    counts = {}
    for word in text.lower().split(" "):
        counts[word] = counts.get(word, 0) + 1
    return counts
