import random
import unittest

from solution import grade_report, letter_grade

BANDS = [(90, "A"), (80, "B"), (70, "C"), (60, "D")]


def expected_letter(score):
    for lowest, letter in BANDS:
        if score >= lowest:
            return letter
    return "F"


class TestGradeReport(unittest.TestCase):
    def check_report(self, call, result, average, letter, passed):
        self.assertIsInstance(result, tuple, f"{call} should return a tuple of three values")
        self.assertEqual(len(result), 3, f"{call} should return three values: average, letter, passed")
        self.assertIsInstance(result[0], (int, float), f"the average from {call} should be the number {average}")
        self.assertAlmostEqual(result[0], average, msg=f"the average from {call} should be {average}")
        self.assertEqual(result[1], letter, f"the letter from {call} should be {letter!r}")
        self.assertEqual(result[2], passed, f"the count of passes from {call} should be {passed}")

    def test_letter_grade_examples(self):
        for score, letter in [(85, "B"), (95, "A"), (72, "C"), (61, "D"), (30, "F"), (59.5, "F")]:
            self.assertEqual(letter_grade(score), letter, f"letter_grade({score}) should be {letter!r}")

    def test_letter_grade_boundaries(self):
        for score, letter in [(90, "A"), (80, "B"), (70, "C"), (60, "D"), (100, "A"), (0, "F"), (89.9, "B")]:
            self.assertEqual(letter_grade(score), letter, f"letter_grade({score}) should be {letter!r}")

    def test_report_examples(self):
        self.check_report("grade_report([90, 80, 70])", grade_report([90, 80, 70]), 80.0, "B", 3)

    def test_report_with_a_pass_mark(self):
        call = "grade_report([90, 50, 40], pass_mark=45)"
        self.check_report(call, grade_report([90, 50, 40], pass_mark=45), 60.0, "D", 2)

    def test_a_score_equal_to_the_pass_mark_passes(self):
        self.check_report("grade_report([60, 59])", grade_report([60, 59]), 59.5, "F", 1)

    def test_one_score(self):
        self.check_report("grade_report([100])", grade_report([100]), 100.0, "A", 1)

    def test_generated_scores(self):
        rng = random.Random(7006)
        for _ in range(30):
            scores = [rng.randint(0, 100) for _ in range(rng.randint(1, 7))]
            average = sum(scores) / len(scores)
            if rng.random() < 0.5:
                mark = rng.randint(30, 90)
                call = f"grade_report({scores}, pass_mark={mark})"
                result = grade_report(scores, pass_mark=mark)
            else:
                mark = 60
                call = f"grade_report({scores})"
                result = grade_report(scores)
            passed = len([s for s in scores if s >= mark])
            self.check_report(call, result, average, expected_letter(average), passed)


if __name__ == "__main__":
    unittest.main()
