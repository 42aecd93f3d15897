# fails: test_zero_or_negative_amounts_raise
# why: checks amount < 0 instead of amount <= 0, so a deposit or withdrawal of 0 is accepted
class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount < 0:
            raise ValueError("the amount cannot be negative")
        self.balance += amount

    def withdraw(self, amount):
        if amount < 0:
            raise ValueError("the amount cannot be negative")
        if amount > self.balance:
            raise ValueError("not enough money")
        self.balance -= amount
