import random
import unittest

from solution import collatz_steps


def expected_steps(n):
    # Counts the numbers visited after the start, one step each.
    visited = []
    while n > 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        visited.append(n)
    return len(visited)


class TestCollatzSteps(unittest.TestCase):
    def check(self, n, expected):
        self.assertEqual(collatz_steps(n), expected, f"collatz_steps({n}) should be {expected}")

    def test_examples_from_the_handout(self):
        self.check(6, 8)
        self.check(7, 16)

    def test_one_needs_no_steps(self):
        self.check(1, 0)

    def test_two_takes_one_step(self):
        self.check(2, 1)

    def test_powers_of_two_only_halve(self):
        self.check(8, 3)
        self.check(1024, 10)

    def test_odd_start(self):
        self.check(3, 7)
        self.check(27, 111)

    def test_generated_inputs(self):
        rng = random.Random(4505)
        for _ in range(40):
            n = rng.randint(1, 5000)
            self.check(n, expected_steps(n))


if __name__ == "__main__":
    unittest.main()
