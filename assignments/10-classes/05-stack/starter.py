class Stack:
    """A pile of items: the last one pushed is the first one popped."""

    def __init__(self):
        pass

    def push(self, item):
        """Put item on top of the stack."""
        pass

    def pop(self):
        """Take the top item off and return it; raise IndexError if the stack is empty."""
        pass

    def peek(self):
        """Return the top item without taking it off; raise IndexError if the stack is empty."""
        pass

    def is_empty(self):
        """Return True if there is nothing on the stack."""
        pass

    def __len__(self):
        """Return how many items are on the stack."""
        pass
