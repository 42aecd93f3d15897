# fails: test_examples_from_the_handout
# why: writes title = title instead of self.title = title, so the object never gets its attributes
class Book:
    def __init__(self, title, author, pages):
        title = title
        author = author
        pages = pages
        pages_read = 0
