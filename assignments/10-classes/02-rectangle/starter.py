class Rectangle:
    """A rectangle with a width and a height."""

    def __init__(self, width, height):
        pass

    def area(self):
        """Return width times height."""
        pass

    def perimeter(self):
        """Return the distance all the way around the rectangle."""
        pass

    def is_square(self):
        """Return True if width and height are equal."""
        pass
