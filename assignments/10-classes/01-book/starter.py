class Book:
    """A book with a title, an author, a number of pages and the pages read so far."""

    def __init__(self, title, author, pages):
        pass
