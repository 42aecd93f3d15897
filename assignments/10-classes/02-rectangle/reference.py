class Rectangle:
    """A rectangle with a width and a height."""

    def __init__(self, width, height):
        self.width = width
        self.height = height

    def area(self):
        """Return width times height."""
        return self.width * self.height

    def perimeter(self):
        """Return the distance all the way around the rectangle."""
        return 2 * self.width + 2 * self.height

    def is_square(self):
        """Return True if width and height are equal."""
        return self.width == self.height
