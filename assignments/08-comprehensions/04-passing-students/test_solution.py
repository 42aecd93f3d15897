import random
import unittest

from solution import passing


def expected_passing(scores, mark):
    kept = {}
    for name in scores:
        if not scores[name] < mark:
            kept[name] = scores[name]
    return kept


class TestPassing(unittest.TestCase):
    def test_example_from_the_handout(self):
        self.assertEqual(
            passing({"Ada": 72, "Bob": 45, "Cy": 50}), {"Ada": 72, "Cy": 50},
            'passing({"Ada": 72, "Bob": 45, "Cy": 50}) should be {"Ada": 72, "Cy": 50}',
        )

    def test_a_score_equal_to_the_mark_passes(self):
        self.assertEqual(passing({"Cy": 50}), {"Cy": 50}, 'passing({"Cy": 50}) should be {"Cy": 50}')

    def test_uses_the_mark_given(self):
        self.assertEqual(
            passing({"Dee": 90, "Eve": 74}, 75), {"Dee": 90}, 'passing({"Dee": 90, "Eve": 74}, 75) should be {"Dee": 90}'
        )
        self.assertEqual(
            passing({"Ada": 72, "Bob": 45}, mark=80), {}, 'passing({"Ada": 72, "Bob": 45}, mark=80) should be {}'
        )
        self.assertEqual(
            passing({"Fay": 10, "Gus": 0}, mark=0), {"Fay": 10, "Gus": 0},
            'passing({"Fay": 10, "Gus": 0}, mark=0) should be {"Fay": 10, "Gus": 0}',
        )

    def test_returns_names_with_their_scores(self):
        self.assertEqual(
            passing({"Hal": 99, "Ivy": 51}), {"Hal": 99, "Ivy": 51},
            'passing({"Hal": 99, "Ivy": 51}) should be {"Hal": 99, "Ivy": 51} (a dictionary, names and scores)',
        )

    def test_empty_dictionary_gives_empty_dictionary(self):
        self.assertEqual(passing({}), {}, "passing({}) should be {}")

    def test_generated_score_tables(self):
        rng = random.Random(8004)
        names = ["Ann", "Ben", "Cat", "Dan", "Eli", "Fox", "Gil", "Hugo", "Isa", "Jo"]
        for _ in range(30):
            scores = {name: rng.randint(0, 100) for name in rng.sample(names, rng.randint(0, 6))}
            mark = rng.choice([50, rng.randint(0, 100)])
            expected = expected_passing(scores, mark)
            self.assertEqual(
                passing(scores, mark=mark), expected, f"passing({scores}, mark={mark}) should be {expected}"
            )


if __name__ == "__main__":
    unittest.main()
