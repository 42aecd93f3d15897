# fails: test_examples_from_the_handout
# why: stores the author as the title and the title as the author
class Book:
    def __init__(self, title, author, pages):
        self.title = author
        self.author = title
        self.pages = pages
        self.pages_read = 0
