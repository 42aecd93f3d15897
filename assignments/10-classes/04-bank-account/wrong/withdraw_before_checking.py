# fails: test_withdraw_more_than_the_balance_raises
# why: takes the money out first and checks afterwards, so the balance is already changed when the error is raised
class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("the amount must be more than 0")
        self.balance += amount

    def withdraw(self, amount):
        if amount <= 0:
            raise ValueError("the amount must be more than 0")
        self.balance -= amount
        if self.balance < 0:
            raise ValueError("not enough money")
