import random
import unittest

from grading import type_name
from solution import Book

WORDS = ["Moon", "River", "Garden", "Secret", "Winter", "Tiger", "Glass", "Song"]
NAMES = ["Ada Park", "Bo Lindqvist", "Chen Wei", "Dara Okafor", "Eva Rossi"]


class TestBook(unittest.TestCase):
    def test_makes_a_book_object(self):
        book = Book("Dune", "Frank Herbert", 412)
        self.assertEqual(type_name(book), "Book", 'Book("Dune", "Frank Herbert", 412) should make a Book object')

    def test_examples_from_the_handout(self):
        book = Book("Dune", "Frank Herbert", 412)
        self.assertEqual(book.title, "Dune", 'Book("Dune", "Frank Herbert", 412).title should be "Dune"')
        self.assertEqual(book.author, "Frank Herbert", 'Book("Dune", "Frank Herbert", 412).author should be "Frank Herbert"')
        self.assertEqual(book.pages, 412, 'Book("Dune", "Frank Herbert", 412).pages should be 412')

    def test_a_new_book_has_no_pages_read(self):
        book = Book("Emma", "Jane Austen", 474)
        self.assertEqual(book.pages_read, 0, 'Book("Emma", "Jane Austen", 474).pages_read should be 0')

    def test_each_book_keeps_its_own_values(self):
        first = Book("Emma", "Jane Austen", 474)
        second = Book("Momo", "Michael Ende", 304)
        self.assertEqual(first.title, "Emma", 'after making a second book, the first book\'s title should still be "Emma"')
        self.assertEqual(second.title, "Momo", 'the second book\'s title should be "Momo"')
        self.assertEqual(second.pages, 304, "the second book's pages should be 304")

    def test_generated_books(self):
        rng = random.Random(1001)
        for _ in range(25):
            title = f"The {rng.choice(WORDS)} of {rng.choice(WORDS)}"
            author = rng.choice(NAMES)
            pages = rng.randint(1, 1500)
            book = Book(title, author, pages)
            call = f"Book({title!r}, {author!r}, {pages})"
            self.assertEqual(book.title, title, f"{call}.title should be {title!r}")
            self.assertEqual(book.author, author, f"{call}.author should be {author!r}")
            self.assertEqual(book.pages, pages, f"{call}.pages should be {pages}")
            self.assertEqual(book.pages_read, 0, f"{call}.pages_read should be 0")


if __name__ == "__main__":
    unittest.main()
