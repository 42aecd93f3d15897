# fails: test_generated_books, test_each_book_keeps_its_own_values
# why: stores the handout's example values instead of the values the book was made with
class Book:
    def __init__(self, title, author, pages):
        self.title = "Dune"
        self.author = "Frank Herbert"
        self.pages = 412
        self.pages_read = 0
