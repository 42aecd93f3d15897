# fails: test_line_can_be_exactly_width
# why: compares with < instead of <=, so a line exactly width long is broken too early
def wrap(text, width):
    lines = []
    line = ""
    for word in text.split():
        if line == "":
            line = word
        elif len(line) + 1 + len(word) < width:
            line = line + " " + word
        else:
            lines.append(line)
            line = word
    if line != "":
        lines.append(line)
    return lines
