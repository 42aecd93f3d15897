import random
import unittest

from solution import Rectangle


class TestRectangle(unittest.TestCase):
    def test_stores_width_and_height(self):
        box = Rectangle(3, 4)
        self.assertEqual(box.width, 3, "Rectangle(3, 4).width should be 3")
        self.assertEqual(box.height, 4, "Rectangle(3, 4).height should be 4")

    def test_area(self):
        self.assertEqual(Rectangle(3, 4).area(), 12, "Rectangle(3, 4).area() should be 12")
        self.assertEqual(Rectangle(10, 1).area(), 10, "Rectangle(10, 1).area() should be 10")

    def test_perimeter(self):
        self.assertEqual(Rectangle(3, 4).perimeter(), 14, "Rectangle(3, 4).perimeter() should be 14")
        self.assertEqual(Rectangle(10, 1).perimeter(), 22, "Rectangle(10, 1).perimeter() should be 22")

    def test_is_square(self):
        self.assertEqual(Rectangle(3, 4).is_square(), False, "Rectangle(3, 4).is_square() should be False")
        self.assertEqual(Rectangle(5, 5).is_square(), True, "Rectangle(5, 5).is_square() should be True")

    def test_decimal_sides(self):
        box = Rectangle(2.5, 4)
        self.assertAlmostEqual(box.area(), 10.0, msg="Rectangle(2.5, 4).area() should be 10.0")
        self.assertAlmostEqual(box.perimeter(), 13.0, msg="Rectangle(2.5, 4).perimeter() should be 13.0")

    def test_generated_rectangles(self):
        rng = random.Random(1002)
        for _ in range(30):
            width = rng.randint(1, 60)
            height = width if rng.random() < 0.3 else rng.randint(1, 60)
            box = Rectangle(width, height)
            call = f"Rectangle({width}, {height})"
            self.assertEqual(box.area(), width * height, f"{call}.area() should be {width * height}")
            self.assertEqual(box.perimeter(), 2 * (width + height), f"{call}.perimeter() should be {2 * (width + height)}")
            self.assertEqual(box.is_square(), width == height, f"{call}.is_square() should be {width == height}")


if __name__ == "__main__":
    unittest.main()
