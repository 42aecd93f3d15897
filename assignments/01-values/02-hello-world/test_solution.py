import unittest

from solution import hello


class TestHelloWorld(unittest.TestCase):
    def test_returns_a_string(self):
        self.assertIsInstance(
            hello(), str,
            "hello() should return a string. Did you forget the return keyword?",
        )

    def test_returns_hello_world(self):
        self.assertEqual(
            hello(), "Hello world!", 'hello() should return "Hello world!"'
        )

    def test_ends_with_an_exclamation_mark(self):
        result = hello()
        self.assertTrue(
            isinstance(result, str) and result.endswith("!"),
            'hello() should end with an exclamation mark "!"',
        )

    def test_uses_a_lowercase_w(self):
        result = hello()
        self.assertTrue(
            isinstance(result, str) and "world" in result,
            'hello() should contain "world" with a lowercase "w"',
        )


if __name__ == "__main__":
    unittest.main()
