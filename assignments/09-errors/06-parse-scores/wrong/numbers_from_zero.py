# fails: test_errors_name_the_line_number, test_parse_scores_example
# why: counts the lines from 0 instead of 1, so every error names the line before.
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
    for number, line in enumerate(lines):
        if line.strip() == "":
            continue
        try:
            name, score = parse_line(line)
        except ValueError as error:
            errors.append(f"line {number}: {error}")
        else:
            scores[name] = score
    return scores, errors
