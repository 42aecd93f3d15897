import random
import unittest

from solution import group_by_length

SYLLABLES = ["ka", "lo", "mi", "t", "pe", "run", "s", "ba", "x"]


def expected_groups(words):
    # One pass per length, in order of first appearance.
    lengths = []
    for word in words:
        if len(word) not in lengths:
            lengths.append(len(word))
    return {n: [w for w in words if len(w) == n] for n in lengths}


class TestGroupByLength(unittest.TestCase):
    def check(self, words, expected):
        message = f"group_by_length({words!r}) should be {expected!r}"
        self.assertEqual(group_by_length(words), expected, message)

    def test_examples_from_the_handout(self):
        self.check(["hi", "cat", "to", "dog", "a"], {2: ["hi", "to"], 3: ["cat", "dog"], 1: ["a"]})

    def test_words_of_the_same_length_are_kept_together(self):
        self.check(["red", "blue", "tan", "pink", "sky"], {3: ["red", "tan", "sky"], 4: ["blue", "pink"]})

    def test_repeated_words_are_listed_twice(self):
        self.check(["sun", "sun"], {3: ["sun", "sun"]})

    def test_keys_are_whole_numbers(self):
        self.check(["python"], {6: ["python"]})

    def test_empty_string_has_length_zero(self):
        self.check(["", "ab", ""], {0: ["", ""], 2: ["ab"]})

    def test_empty_list_gives_empty_dict(self):
        self.check([], {})

    def test_generated_inputs(self):
        rng = random.Random(6303)
        for _ in range(30):
            words = []
            for _ in range(rng.randint(0, 10)):
                words.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))))
            self.check(words, expected_groups(words))


if __name__ == "__main__":
    unittest.main()
