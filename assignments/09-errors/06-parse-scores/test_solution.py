import random
import unittest

from solution import parse_line, parse_scores

NO_COLON = "missing colon"
NO_NAME = "missing name"
BAD_SCORE = "score is not a whole number"


def expected_line(line):
    """(name, score) or the error message, read with partition instead of split."""
    name, colon, rest = line.partition(":")
    if not colon:
        return NO_COLON
    if not name.strip():
        return NO_NAME
    rest = rest.strip()
    digits = rest[1:] if rest[:1] in ("-", "+") else rest
    if not digits.isdigit():
        return BAD_SCORE
    return (name.strip(), int(rest))


def expected_sheet(lines):
    scores, errors = {}, []
    for i in range(len(lines)):
        if lines[i].strip():
            got = expected_line(lines[i])
            if isinstance(got, str):
                errors.append("line " + str(i + 1) + ": " + got)
            else:
                scores[got[0]] = got[1]
    return (scores, errors)


class TestParseScores(unittest.TestCase):
    def check_raises(self, line, message):
        call = f"parse_line({line!r})"
        with self.assertRaises(ValueError, msg=f'{call} should raise ValueError("{message}")') as caught:
            parse_line(line)
        self.assertEqual(str(caught.exception), message, f'{call} should raise ValueError("{message}")')

    def check_sheet(self, lines, expected):
        self.assertEqual(parse_scores(lines), expected, f"parse_scores({lines!r}) should be {expected!r}")

    def test_parse_line_reads_a_good_line(self):
        self.assertEqual(parse_line("Ada: 93"), ("Ada", 93), 'parse_line("Ada: 93") should be ("Ada", 93)')
        self.assertEqual(parse_line("  Bob :70"), ("Bob", 70), 'parse_line("  Bob :70") should be ("Bob", 70)')
        self.assertEqual(parse_line("Cy Young: 0"), ("Cy Young", 0), 'parse_line("Cy Young: 0") should be ("Cy Young", 0)')

    def test_parse_line_missing_colon(self):
        for line in ["Bob 70", "Bob", "70"]:
            self.check_raises(line, NO_COLON)

    def test_parse_line_missing_name(self):
        for line in [": 80", "   :80"]:
            self.check_raises(line, NO_NAME)

    def test_parse_line_score_that_is_not_a_whole_number(self):
        for line in ["Cy: lots", "Dee:", "Eve: 9.5", "Fay: 5: 6"]:
            self.check_raises(line, BAD_SCORE)

    def test_parse_scores_example(self):
        self.check_sheet(
            ["Ada: 93", "Bob 70", "", "Cy: lots", "Dee: 88"],
            ({"Ada": 93, "Dee": 88}, ["line 2: missing colon", "line 4: score is not a whole number"]),
        )

    def test_keeps_going_after_a_bad_line(self):
        self.check_sheet(["oops", "Ann: 5", "Ben: 6"], ({"Ann": 5, "Ben": 6}, ["line 1: missing colon"]))

    def test_errors_name_the_line_number(self):
        self.check_sheet(["Ann: 5", "Ben: 6", ": 7"], ({"Ann": 5, "Ben": 6}, ["line 3: missing name"]))

    def test_blank_lines_are_skipped(self):
        self.check_sheet(["", "   ", "Ann: 5"], ({"Ann": 5}, []))

    def test_later_score_for_the_same_name_counts(self):
        self.check_sheet(["Ann: 5", "Ann: 9"], ({"Ann": 9}, []))

    def test_empty_sheet(self):
        self.check_sheet([], ({}, []))

    def test_generated_sheets(self):
        rng = random.Random(9007)
        names = ["Ann", "Ben", "Cat", "Dan", "Eve Moss", "Flo"]
        bad = ["Ann 5", "", "  ", ": 4", "Ben: five", "Cat: 4.5", "Dan:", "Eve: 1: 2", "nothing"]
        for _ in range(25):
            lines = []
            for _ in range(rng.randint(0, 7)):
                if rng.random() < 0.6:
                    lines.append(f"{rng.choice(names)}:{' ' * rng.randint(0, 2)}{rng.randint(-5, 100)}")
                else:
                    lines.append(rng.choice(bad))
            self.check_sheet(lines, expected_sheet(lines))


if __name__ == "__main__":
    unittest.main()
