def parse_line(line):
    """Return (name, score) from a line like "Ada: 93"; raise ValueError if the line is bad."""
    if ":" not in line:
        raise ValueError("missing colon")
    name, score_text = line.split(":", 1)
    name = name.strip()
    if name == "":
        raise ValueError("missing name")
    try:
        score = int(score_text)
    except ValueError:
        raise ValueError("score is not a whole number")
    return name, score


def parse_scores(lines):
    """Return (scores, errors): a dict of name -> score, and one message per bad line."""
    scores = {}
    errors = []
    for number, line in enumerate(lines, start=1):
        if line.strip() == "":
            continue
        try:
            name, score = parse_line(line)
        except ValueError as error:
            errors.append(f"line {number}: {error}")
        else:
            scores[name] = score
    return scores, errors
