# An assignment-like test file for a module on classes, generators and in-place changes:
# what tests may do with the student's objects (docs/contract.md, "Assignments on disk").
import unittest

from grading import type_name
from solution import BankAccount, Stack, countdown, reverse_in_place, take


class TestBankAccount(unittest.TestCase):
    def test_starts_with_its_balance(self):
        self.assertEqual(BankAccount(100).balance, 100)

    def test_deposit_adds(self):
        account = BankAccount(100)
        account.deposit(50)
        self.assertEqual(account.balance, 150, "after deposit(50) the balance should be 150")

    def test_withdraw_too_much_raises_value_error(self):
        account = BankAccount(10)
        with self.assertRaises(ValueError):
            account.withdraw(11)
        self.assertEqual(account.balance, 10, "a refused withdrawal leaves the balance as it was")

    def test_transfer_between_two_accounts(self):
        a, b = BankAccount(100), BankAccount(5)
        a.transfer(b, 30)
        self.assertEqual((a.balance, b.balance), (70, 35))

    def test_accounts_are_distinct_objects_of_the_class(self):
        a, b = BankAccount(1), BankAccount(1)
        self.assertEqual(type_name(a), "BankAccount")
        self.assertIsNot(a, b)
        self.assertNotEqual(a, b)


class TestStack(unittest.TestCase):
    def test_push_pop_len(self):
        stack = Stack()
        for item in (1, "two", 3.0):
            stack.push(item)
        self.assertEqual(len(stack), 3)
        self.assertEqual(stack.pop(), 3.0)
        self.assertEqual(len(stack), 2)

    def test_str_shows_the_items(self):
        stack = Stack()
        stack.push(1)
        stack.push(2)
        self.assertEqual(str(stack), "Stack([1, 2])")


class TestGenerators(unittest.TestCase):
    def test_countdown(self):
        self.assertEqual(list(countdown(3)), [3, 2, 1])
        self.assertEqual(list(countdown(0)), [])

    def test_countdown_is_a_generator(self):
        gen = countdown(5)
        self.assertEqual(type_name(gen), "generator")
        self.assertEqual(next(gen), 5)
        self.assertEqual(take(gen, 2), [4, 3], "take goes on where next() stopped")
        self.assertEqual(list(gen), [2, 1])

    def test_take_from_an_endless_source(self):
        self.assertEqual(take(countdown(10**9), 3), [10**9, 10**9 - 1, 10**9 - 2])


class TestInPlace(unittest.TestCase):
    def test_reverse_in_place(self):
        xs = [1, 2, 3]
        self.assertIsNone(reverse_in_place(xs), "reverse_in_place changes the list and returns None")
        self.assertEqual(xs, [3, 2, 1])

    def test_reverse_in_place_keeps_the_same_list(self):
        xs = ["a", "b"]
        same = xs
        reverse_in_place(xs)
        self.assertIs(xs, same)
        self.assertEqual(same, ["b", "a"])
