# fails: test_a_new_book_has_no_pages_read
# why: never sets the pages_read attribute, so reading it fails
class Book:
    def __init__(self, title, author, pages):
        self.title = title
        self.author = author
        self.pages = pages
