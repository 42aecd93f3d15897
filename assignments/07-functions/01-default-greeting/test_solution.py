import random
import unittest

from solution import greet


def expected_greeting(name, greeting="Hello"):
    return greeting + ", " + name + "!"


class TestGreet(unittest.TestCase):
    def test_uses_hello_when_no_greeting_is_given(self):
        self.assertEqual(greet("Ada"), "Hello, Ada!", 'greet("Ada") should be "Hello, Ada!"')
        self.assertEqual(greet("Bo"), "Hello, Bo!", 'greet("Bo") should be "Hello, Bo!"')

    def test_uses_the_greeting_given_by_position(self):
        self.assertEqual(greet("Linus", "Hi"), "Hi, Linus!", 'greet("Linus", "Hi") should be "Hi, Linus!"')

    def test_uses_the_greeting_given_by_keyword(self):
        self.assertEqual(
            greet("Grace", greeting="Good morning"), "Good morning, Grace!",
            'greet("Grace", greeting="Good morning") should be "Good morning, Grace!"',
        )

    def test_keeps_the_text_exactly_as_given(self):
        self.assertEqual(greet("bob", "hey"), "hey, bob!", 'greet("bob", "hey") should be "hey, bob!"')
        self.assertEqual(greet("", "Hi"), "Hi, !", 'greet("", "Hi") should be "Hi, !"')

    def test_generated_names_and_greetings(self):
        rng = random.Random(7001)
        greetings = ["Hello", "Hi", "Welcome", "Good evening", "Howdy", "Ahoy"]
        for _ in range(30):
            name = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 8))).capitalize()
            if rng.random() < 0.3:
                self.assertEqual(greet(name), expected_greeting(name), f"greet({name!r}) should be {expected_greeting(name)!r}")
            else:
                g = rng.choice(greetings)
                self.assertEqual(
                    greet(name, g), expected_greeting(name, g),
                    f"greet({name!r}, {g!r}) should be {expected_greeting(name, g)!r}",
                )


if __name__ == "__main__":
    unittest.main()
