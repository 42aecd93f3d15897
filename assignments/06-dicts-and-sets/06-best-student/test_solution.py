import random
import unittest

from solution import best_student

NAMES = ["ana", "ben", "cy", "dee", "eli", "fay", "gus", "hal", "ivy", "jo"]


def expected_best(grades):
    # Compares averages exactly (total * count of the other), then names.
    best = None
    for name in sorted(grades):
        scores = grades[name]
        if best is None:
            best = name
            continue
        top = grades[best]
        if sum(scores) * len(top) > sum(top) * len(scores):
            best = name
    return best


class TestBestStudent(unittest.TestCase):
    def check(self, grades, expected):
        message = f"best_student({grades!r}) should be {expected!r}"
        if expected is None:
            self.assertIsNone(best_student(grades), message)
        else:
            self.assertEqual(best_student(grades), expected, message)

    def test_examples_from_the_handout(self):
        self.check({"ana": [90, 80], "ben": [100, 60, 92], "cy": [70]}, "ana")
        self.check({"zoe": [80], "max": [70, 90]}, "max")

    def test_average_not_best_single_score(self):
        self.check({"kim": [100, 20], "lee": [70, 75]}, "lee")

    def test_more_scores_do_not_win_by_themselves(self):
        self.check({"ola": [60, 60, 60, 60], "pia": [90]}, "pia")

    def test_a_tie_goes_to_the_alphabetically_first_name(self):
        self.check({"tom": [50, 100], "sam": [75], "una": [80, 70]}, "sam")
        self.check({"bo": [60], "al": [60]}, "al")

    def test_one_student(self):
        self.check({"solo": [42]}, "solo")

    def test_averages_that_are_not_whole_numbers(self):
        self.check({"a": [1, 2], "b": [2, 2, 1], "c": [1, 1]}, "b")

    def test_empty_dict_gives_none(self):
        self.check({}, None)

    def test_generated_inputs(self):
        rng = random.Random(6606)
        for _ in range(30):
            names = rng.sample(NAMES, rng.randint(1, 6))
            grades = {name: [rng.choice([60, 70, 80, 90, 100]) for _ in range(rng.randint(1, 4))] for name in names}
            self.check(grades, expected_best(grades))


if __name__ == "__main__":
    unittest.main()
