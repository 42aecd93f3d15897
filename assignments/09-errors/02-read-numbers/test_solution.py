import random
import unittest

from solution import read_numbers

BAD_PIECES = ["two", "", " ", "5.5", "x1", "1x", "--2", "one hundred", "3 4"]


class TestReadNumbers(unittest.TestCase):
    def test_only_numbers(self):
        self.assertEqual(read_numbers("4, 8, 15"), [4, 8, 15], 'read_numbers("4, 8, 15") should be [4, 8, 15]')

    def test_bad_pieces_are_skipped(self):
        self.assertEqual(
            read_numbers("1, two, 3, , 5.5, -7"), [1, 3, -7], 'read_numbers("1, two, 3, , 5.5, -7") should be [1, 3, -7]'
        )
        self.assertEqual(read_numbers("a,b,9"), [9], 'read_numbers("a,b,9") should be [9]')

    def test_negative_numbers_are_kept(self):
        self.assertEqual(read_numbers("-1,-20, 0"), [-1, -20, 0], 'read_numbers("-1,-20, 0") should be [-1, -20, 0]')

    def test_numbers_come_back_as_int(self):
        self.assertEqual(read_numbers("42"), [42], 'read_numbers("42") should be [42] (the number, not the text "42")')

    def test_empty_text_gives_empty_list(self):
        self.assertEqual(read_numbers(""), [], 'read_numbers("") should be []')
        self.assertEqual(read_numbers("no, numbers"), [], 'read_numbers("no, numbers") should be []')

    def test_generated_texts(self):
        rng = random.Random(9003)
        for _ in range(30):
            pieces, expected = [], []
            for _ in range(rng.randint(1, 8)):
                if rng.random() < 0.6:
                    n = rng.randint(-100, 100)
                    expected.append(n)
                    pieces.append(" " * rng.randint(0, 1) + str(n))
                else:
                    pieces.append(rng.choice(BAD_PIECES))
            text = ",".join(pieces)
            self.assertEqual(read_numbers(text), expected, f"read_numbers({text!r}) should be {expected}")


if __name__ == "__main__":
    unittest.main()
