import random
import unittest

from solution import chunks


def expected_chunks(items, size):
    # Fills one piece at a time instead of slicing.
    pieces = []
    for item in items:
        if not pieces or len(pieces[-1]) == size:
            pieces.append([])
        pieces[-1].append(item)
    return pieces


class TestChunks(unittest.TestCase):
    def check(self, items, size, expected):
        message = f"chunks({items!r}, {size}) should be {expected!r}"
        self.assertEqual(chunks(items, size), expected, message)

    def test_examples_from_the_handout(self):
        self.check([1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]])
        self.check(["a", "b", "c", "d", "e", "f"], 3, [["a", "b", "c"], ["d", "e", "f"]])

    def test_last_chunk_can_be_shorter(self):
        self.check([1, 2, 3, 4, 5, 6, 7], 3, [[1, 2, 3], [4, 5, 6], [7]])

    def test_no_empty_chunk_at_the_end(self):
        self.check([1, 2, 3, 4], 2, [[1, 2], [3, 4]])

    def test_size_bigger_than_the_list(self):
        self.check([1, 2], 5, [[1, 2]])

    def test_size_one(self):
        self.check([8, 9, 10], 1, [[8], [9], [10]])

    def test_empty_list_gives_empty_list(self):
        self.check([], 4, [])

    def test_generated_inputs(self):
        rng = random.Random(5505)
        for _ in range(30):
            items = [rng.randint(0, 99) for _ in range(rng.randint(0, 15))]
            size = rng.randint(1, 6)
            self.check(items, size, expected_chunks(items, size))


if __name__ == "__main__":
    unittest.main()
