# fails: test_examples_from_the_handout, test_one_character
# why: adds a run only when a different character comes, so the last run is never added
def run_length_encode(text):
    if text == "":
        return ""
    result = ""
    current = text[0]
    count = 0
    for char in text:
        if char == current:
            count += 1
        else:
            result += current + str(count)
            current = char
            count = 1
    return result
