def parse_line(line):
    """Return (name, score) from a line like "Ada: 93"; raise ValueError if the line is bad."""
    pass


def parse_scores(lines):
    """Return (scores, errors): a dict of name -> score, and one message per bad line."""
    pass
