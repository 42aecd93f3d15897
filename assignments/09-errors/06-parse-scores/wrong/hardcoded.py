# fails: test_generated_sheets
# why: returns the handout's example sheet by if instead of reading the lines.
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
    if lines == ["Ada: 93", "Bob 70", "", "Cy: lots", "Dee: 88"]:
        return {"Ada": 93, "Dee": 88}, ["line 2: missing colon", "line 4: score is not a whole number"]
    return {}, []
