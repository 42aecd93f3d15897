# fails: test_blank_lines_are_skipped
# why: forgets to skip blank lines, so they are reported as "missing colon" errors.
def parse_line(line):
    if ":" not in line:
        raise ValueError("missing colon")
    name, score_text = line.split(":", 1)
    if name.strip() == "":
        raise ValueError("missing name")
    try:
        return name.strip(), int(score_text)
    except ValueError:
        raise ValueError("score is not a whole number")


def parse_scores(lines):
    scores, errors = {}, []
    for number, line in enumerate(lines, start=1):
        try:
            name, score = parse_line(line)
        except ValueError as error:
            errors.append(f"line {number}: {error}")
        else:
            scores[name] = score
    return scores, errors
