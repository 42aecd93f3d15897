import random
import unittest

from solution import run_length_encode


def expected_encoding(text):
    # Split the text into runs first, then write each one.
    runs = []
    for char in text:
        if runs and runs[-1][0] == char:
            runs[-1][1] += 1
        else:
            runs.append([char, 1])
    return "".join(f"{char}{count}" for char, count in runs)


class TestRunLengthEncode(unittest.TestCase):
    def test_examples_from_the_handout(self):
        self.assertEqual(run_length_encode("aaabcc"), "a3b1c2", 'run_length_encode("aaabcc") should be "a3b1c2"')
        self.assertEqual(run_length_encode("abc"), "a1b1c1", 'run_length_encode("abc") should be "a1b1c1"')

    def test_empty_text(self):
        self.assertEqual(run_length_encode(""), "", 'run_length_encode("") should be ""')

    def test_one_character(self):
        self.assertEqual(run_length_encode("x"), "x1", 'run_length_encode("x") should be "x1"')

    def test_run_longer_than_nine(self):
        self.assertEqual(run_length_encode("z" * 12), "z12", 'run_length_encode("zzzzzzzzzzzz") should be "z12"')

    def test_letters_that_come_back_start_a_new_run(self):
        self.assertEqual(run_length_encode("aabaa"), "a2b1a2", 'run_length_encode("aabaa") should be "a2b1a2"')

    def test_upper_and_lower_case_are_different(self):
        self.assertEqual(run_length_encode("aAAa"), "a1A2a1", 'run_length_encode("aAAa") should be "a1A2a1"')

    def test_generated_texts(self):
        rng = random.Random(1201)
        for _ in range(40):
            text = ""
            for _ in range(rng.randint(1, 8)):
                text += rng.choice("abcXY") * rng.randint(1, 14)
            expected = expected_encoding(text)
            self.assertEqual(run_length_encode(text), expected, f"run_length_encode({text!r}) should be {expected!r}")


if __name__ == "__main__":
    unittest.main()
