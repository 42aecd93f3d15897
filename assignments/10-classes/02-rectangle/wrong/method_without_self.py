# fails: test_area
# why: writes def area(): without self, so calling box.area() fails with a TypeError
class Rectangle:
    def __init__(self, width, height):
        self.width = width
        self.height = height

    def area():
        return width * height

    def perimeter(self):
        return 2 * self.width + 2 * self.height

    def is_square(self):
        return self.width == self.height
