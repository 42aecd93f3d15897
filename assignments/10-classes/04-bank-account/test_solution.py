import random
import unittest

from solution import BankAccount


class TestBankAccount(unittest.TestCase):
    def test_stores_owner_and_balance(self):
        account = BankAccount("Ana", 100)
        self.assertEqual(account.owner, "Ana", 'BankAccount("Ana", 100).owner should be "Ana"')
        self.assertEqual(account.balance, 100, 'BankAccount("Ana", 100).balance should be 100')

    def test_balance_starts_at_zero(self):
        self.assertEqual(BankAccount("Ben").balance, 0, 'BankAccount("Ben").balance should be 0')

    def test_deposit_and_withdraw(self):
        account = BankAccount("Ana", 100)
        account.deposit(50)
        self.assertEqual(account.balance, 150, 'after BankAccount("Ana", 100).deposit(50), balance should be 150')
        account.withdraw(30)
        self.assertEqual(account.balance, 120, "after .withdraw(30), balance should be 120")

    def test_withdraw_everything(self):
        account = BankAccount("Cy", 40)
        account.withdraw(40)
        self.assertEqual(account.balance, 0, 'after BankAccount("Cy", 40).withdraw(40), balance should be 0')

    def test_withdraw_more_than_the_balance_raises(self):
        account = BankAccount("Ana", 100)
        with self.assertRaises(ValueError, msg='BankAccount("Ana", 100).withdraw(500) should raise ValueError'):
            account.withdraw(500)
        self.assertEqual(account.balance, 100, "after a refused withdraw(500), balance should still be 100")

    def test_zero_or_negative_amounts_raise(self):
        account = BankAccount("Dee", 100)
        for method, amount in [("deposit", 0), ("deposit", -5), ("withdraw", 0), ("withdraw", -5)]:
            with self.assertRaises(ValueError, msg=f'BankAccount("Dee", 100).{method}({amount}) should raise ValueError'):
                getattr(account, method)(amount)
        self.assertEqual(account.balance, 100, "after refused deposits and withdrawals, balance should still be 100")

    def test_two_accounts_are_separate(self):
        first, second = BankAccount("Ana", 10), BankAccount("Ben", 10)
        first.deposit(5)
        self.assertEqual(second.balance, 10, "a deposit into one account should not change another account's balance")

    def test_generated_operations(self):
        rng = random.Random(1004)
        for _ in range(10):
            balance = rng.randint(0, 200)
            account = BankAccount("Eve", balance)
            done = f"BankAccount('Eve', {balance})"
            for _ in range(6):
                method, amount = rng.choice(["deposit", "withdraw"]), rng.randint(-20, 250)
                done += f".{method}({amount})"
                refused = amount <= 0 or (method == "withdraw" and amount > balance)
                if refused:
                    with self.assertRaises(ValueError, msg=f"{done} should raise ValueError"):
                        getattr(account, method)(amount)
                else:
                    getattr(account, method)(amount)
                    balance += amount if method == "deposit" else -amount
                self.assertEqual(account.balance, balance, f"after {done}, balance should be {balance}")


if __name__ == "__main__":
    unittest.main()
