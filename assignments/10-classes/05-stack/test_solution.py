import random
import unittest

from solution import Stack


class TestStack(unittest.TestCase):
    def test_new_stack_is_empty(self):
        stack = Stack()
        self.assertEqual(stack.is_empty(), True, "Stack().is_empty() should be True")
        self.assertEqual(len(stack), 0, "len(Stack()) should be 0")

    def test_pop_returns_the_last_pushed(self):
        stack = Stack()
        stack.push("red")
        stack.push("blue")
        self.assertEqual(stack.pop(), "blue", 'after push("red") and push("blue"), pop() should be "blue"')
        self.assertEqual(stack.pop(), "red", 'the next pop() should be "red"')

    def test_len_counts_the_items(self):
        stack = Stack()
        for item in [1, 2, 3]:
            stack.push(item)
        self.assertEqual(len(stack), 3, "after pushing 1, 2, 3, len(stack) should be 3")
        stack.pop()
        self.assertEqual(len(stack), 2, "after one pop(), len(stack) should be 2")
        self.assertEqual(stack.is_empty(), False, "a stack with 2 items: is_empty() should be False")

    def test_peek_does_not_remove(self):
        stack = Stack()
        stack.push(7)
        self.assertEqual(stack.peek(), 7, "after push(7), peek() should be 7")
        self.assertEqual(stack.peek(), 7, "peek() again should still be 7")
        self.assertEqual(len(stack), 1, "after peek(), len(stack) should still be 1")

    def test_empty_stack_raises_index_error(self):
        stack = Stack()
        with self.assertRaises(IndexError, msg="Stack().pop() should raise IndexError"):
            stack.pop()
        with self.assertRaises(IndexError, msg="Stack().peek() should raise IndexError"):
            stack.peek()

    def test_two_stacks_are_separate(self):
        first, second = Stack(), Stack()
        first.push("x")
        self.assertEqual(len(second), 0, "pushing onto one stack should leave another stack empty")

    def test_generated_operations(self):
        rng = random.Random(1005)
        for _ in range(8):
            stack, model, done = Stack(), [], "Stack()"
            for _ in range(12):
                if rng.random() < 0.55:
                    item = rng.randint(0, 99)
                    stack.push(item)
                    model.append(item)
                    done += f".push({item})"
                elif model:
                    done += ".pop()"
                    expected = model.pop()
                    self.assertEqual(stack.pop(), expected, f"{done} should return {expected}")
                if model:
                    self.assertEqual(stack.peek(), model[-1], f"after {done}, peek() should be {model[-1]}")
                self.assertEqual(len(stack), len(model), f"after {done}, len(stack) should be {len(model)}")


if __name__ == "__main__":
    unittest.main()
