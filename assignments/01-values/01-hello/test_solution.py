import unittest

from solution import hello


class TestHello(unittest.TestCase):
    def test_returns_a_string(self):
        self.assertIsInstance(
            hello(), str,
            "hello() should return a string. Did you forget the return keyword?",
        )

    def test_returns_hello(self):
        self.assertEqual(hello(), "Hello", 'hello() should return "Hello"')

    def test_starts_with_a_capital_h(self):
        result = hello()
        self.assertTrue(
            isinstance(result, str) and result.startswith("H"),
            'hello() should start with a capital "H"',
        )

    def test_has_no_extra_spaces(self):
        result = hello()
        self.assertTrue(
            isinstance(result, str) and result == result.strip(),
            "hello() should not have spaces at the start or the end",
        )


if __name__ == "__main__":
    unittest.main()
