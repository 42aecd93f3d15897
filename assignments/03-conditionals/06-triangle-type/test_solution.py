import random
import unittest

from solution import triangle_type

KINDS = {1: "equilateral", 2: "isosceles", 3: "scalene"}


def kind_of(a, b, c):
    shortest, middle, longest = sorted([a, b, c])
    if shortest + middle <= longest:
        return "not a triangle"
    return KINDS[len({a, b, c})]


class TestTriangleType(unittest.TestCase):
    def check(self, a, b, c):
        expected = kind_of(a, b, c)
        self.assertEqual(
            triangle_type(a, b, c), expected,
            f"triangle_type({a}, {b}, {c}) should be {expected!r}",
        )

    def test_equilateral(self):
        self.check(3, 3, 3)
        self.check(0.5, 0.5, 0.5)

    def test_isosceles_in_any_order(self):
        self.check(3, 4, 4)
        self.check(4, 3, 4)
        self.check(4, 4, 3)

    def test_scalene(self):
        self.check(3, 4, 5)
        self.check(7, 5, 3)

    def test_sides_that_cannot_meet(self):
        self.check(1, 2, 10)
        self.check(10, 1, 2)
        self.check(2, 10, 1)

    def test_sides_that_lie_flat(self):
        self.check(1, 2, 3)
        self.check(5, 2, 3)

    def test_two_equal_sides_that_are_too_short(self):
        self.check(1, 1, 5)
        self.check(2, 4, 2)

    def test_generated_triangles(self):
        rng = random.Random(3006)
        for _ in range(40):
            a, b, c = (rng.randint(1, 8) for _ in range(3))
            if rng.random() < 0.3:
                b = a  # more equal sides than pure chance gives
                if rng.random() < 0.5:
                    c = a
            self.check(a, b, c)


if __name__ == "__main__":
    unittest.main()
