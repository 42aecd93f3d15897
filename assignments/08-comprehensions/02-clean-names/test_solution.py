import random
import unittest

from solution import clean_names


def expected_clean(names):
    result = []
    for name in names:
        words = name.split()
        if words:
            result.append(" ".join(w[0].upper() + w[1:].lower() for w in words))
    return result


class TestCleanNames(unittest.TestCase):
    def test_example_from_the_handout(self):
        self.assertEqual(
            clean_names(["  ada ", "GRACE hopper", "   ", "linus"]), ["Ada", "Grace Hopper", "Linus"],
            'clean_names(["  ada ", "GRACE hopper", "   ", "linus"]) should be ["Ada", "Grace Hopper", "Linus"]',
        )

    def test_spaces_are_removed(self):
        self.assertEqual(clean_names(["   bob  "]), ["Bob"], 'clean_names(["   bob  "]) should be ["Bob"]')

    def test_every_word_gets_a_capital(self):
        self.assertEqual(
            clean_names(["mARY ann EVANS"]), ["Mary Ann Evans"], 'clean_names(["mARY ann EVANS"]) should be ["Mary Ann Evans"]'
        )

    def test_blank_names_are_left_out(self):
        self.assertEqual(clean_names(["", " ", "\t"]), [], 'clean_names(["", " ", "\\t"]) should be []')
        self.assertEqual(clean_names(["", "kim"]), ["Kim"], 'clean_names(["", "kim"]) should be ["Kim"]')

    def test_empty_list_gives_empty_list(self):
        self.assertEqual(clean_names([]), [], "clean_names([]) should be []")

    def test_generated_lists_of_names(self):
        rng = random.Random(8002)
        for _ in range(25):
            names = []
            for _ in range(rng.randint(0, 5)):
                words = ["".join(rng.choice("abcdeABCDExyzXYZ") for _ in range(rng.randint(1, 6))) for _ in range(rng.randint(0, 3))]
                names.append(" " * rng.randint(0, 2) + " ".join(words) + " " * rng.randint(0, 2))
            expected = expected_clean(names)
            self.assertEqual(clean_names(names), expected, f"clean_names({names!r}) should be {expected!r}")


if __name__ == "__main__":
    unittest.main()
