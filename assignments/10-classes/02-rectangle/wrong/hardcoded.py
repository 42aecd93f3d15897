# fails: test_generated_rectangles
# why: returns the handout's example answers by if instead of computing them from the sides
class Rectangle:
    def __init__(self, width, height):
        self.width = width
        self.height = height

    def area(self):
        if self.width == 3 and self.height == 4:
            return 12
        return 10

    def perimeter(self):
        if self.width == 3 and self.height == 4:
            return 14
        return 22

    def is_square(self):
        return self.width == 5
