class Stack:
    """A pile of items: the last one pushed is the first one popped."""

    def __init__(self):
        self.items = []

    def push(self, item):
        """Put item on top of the stack."""
        self.items.append(item)

    def pop(self):
        """Take the top item off and return it; raise IndexError if the stack is empty."""
        if self.is_empty():
            raise IndexError("pop from an empty stack")
        return self.items.pop()

    def peek(self):
        """Return the top item without taking it off; raise IndexError if the stack is empty."""
        if self.is_empty():
            raise IndexError("peek at an empty stack")
        return self.items[-1]

    def is_empty(self):
        """Return True if there is nothing on the stack."""
        return len(self.items) == 0

    def __len__(self):
        """Return how many items are on the stack."""
        return len(self.items)
