class Book:
    """A book with a title, an author, a number of pages and the pages read so far."""

    def __init__(self, title, author, pages):
        self.title = title
        self.author = author
        self.pages = pages
        self.pages_read = 0
