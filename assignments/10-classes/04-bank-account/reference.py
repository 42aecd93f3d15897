class BankAccount:
    """A bank account with an owner and a balance that never goes below 0."""

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        """Add amount to the balance; raise ValueError if amount is 0 or less."""
        if amount <= 0:
            raise ValueError("the amount must be more than 0")
        self.balance += amount

    def withdraw(self, amount):
        """Take amount out; raise ValueError if amount is 0 or less or more than the balance."""
        if amount <= 0:
            raise ValueError("the amount must be more than 0")
        if amount > self.balance:
            raise ValueError(f"not enough money: the balance is {self.balance}")
        self.balance -= amount
