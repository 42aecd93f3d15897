# fails: test_letters_that_come_back_start_a_new_run
# why: counts each letter in the whole text with a dictionary, so a letter that comes back joins its first run
def run_length_encode(text):
    counts = {}
    for char in text:
        counts[char] = counts.get(char, 0) + 1
    result = ""
    for char in counts:
        result += char + str(counts[char])
    return result
