# fails: test_withdraw_more_than_the_balance_raises, test_zero_or_negative_amounts_raise
# why: returns an error message as a string instead of raising ValueError, so the caller never notices
class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            return "the amount must be more than 0"
        self.balance += amount

    def withdraw(self, amount):
        if amount <= 0:
            return "the amount must be more than 0"
        if amount > self.balance:
            return "not enough money"
        self.balance -= amount
