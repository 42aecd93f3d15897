# fails: test_keeps_going_after_a_bad_line
# why: puts the whole loop inside one try, so reading stops at the first bad line.
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
    number = 0
    try:
        for line in lines:
            number += 1
            if line.strip() != "":
                name, score = parse_line(line)
                scores[name] = score
    except ValueError as error:
        errors.append(f"line {number}: {error}")
    return scores, errors
