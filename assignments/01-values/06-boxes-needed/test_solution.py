import random
import unittest

from solution import boxes_needed


def count_boxes(items, per_box):
    """Fill boxes one at a time until every item is packed."""
    boxes = 0
    while boxes * per_box < items:
        boxes += 1
    return boxes


class TestBoxesNeeded(unittest.TestCase):
    def check(self, items, per_box, expected):
        result = boxes_needed(items, per_box)
        self.assertEqual(
            result, expected,
            f"boxes_needed({items}, {per_box}) should be {expected}",
        )
        self.assertIsInstance(
            result, int,
            f"boxes_needed({items}, {per_box}) should be the whole number {expected}, not {result!r}",
        )

    def test_exact_fit_needs_no_extra_box(self):
        self.check(12, 6, 2)
        self.check(30, 10, 3)

    def test_leftover_items_need_one_more_box(self):
        self.check(13, 6, 3)
        self.check(31, 10, 4)

    def test_almost_full_last_box(self):
        self.check(17, 6, 3)

    def test_no_items_need_no_boxes(self):
        self.check(0, 6, 0)

    def test_fewer_items_than_one_box_holds(self):
        self.check(1, 6, 1)
        self.check(5, 6, 1)

    def test_boxes_that_hold_one_item(self):
        self.check(7, 1, 7)

    def test_returns_a_whole_number(self):
        self.check(8, 4, 2)

    def test_generated_orders(self):
        rng = random.Random(1006)
        for _ in range(40):
            per_box = rng.randint(1, 12)
            items = rng.randint(0, 150)
            self.check(items, per_box, count_boxes(items, per_box))


if __name__ == "__main__":
    unittest.main()
