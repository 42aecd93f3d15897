# fails: test_the_space_between_words_counts, test_generated_texts
# why: leaves out the space between words when measuring, so some lines come out one character too long
def wrap(text, width):
    lines = []
    line = ""
    for word in text.split():
        if line == "":
            line = word
        elif len(line) + len(word) <= width:
            line = line + " " + word
        else:
            lines.append(line)
            line = word
    if line != "":
        lines.append(line)
    return lines
