# fails: test_perimeter
# why: adds the width and the height once instead of twice each
class Rectangle:
    def __init__(self, width, height):
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height

    def perimeter(self):
        return self.width + self.height

    def is_square(self):
        return self.width == self.height
