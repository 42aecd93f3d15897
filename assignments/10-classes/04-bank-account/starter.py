class BankAccount:
    """A bank account with an owner and a balance that never goes below 0."""

    def __init__(self, owner, balance=0):
        pass

    def deposit(self, amount):
        """Add amount to the balance; raise ValueError if amount is 0 or less."""
        pass

    def withdraw(self, amount):
        """Take amount out; raise ValueError if amount is 0 or less or more than the balance."""
        pass
