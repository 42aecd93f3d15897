# fails: test_examples_from_the_handout, test_long_word_gets_its_own_line
# why: adds a line only when the next word does not fit, so the last line is lost
def wrap(text, width):
    lines = []
    line = ""
    for word in text.split():
        if line == "":
            line = word
        elif len(line) + 1 + len(word) <= width:
            line = line + " " + word
        else:
            lines.append(line)
            line = word
    return lines
