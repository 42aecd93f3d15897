# fails: test_peek_does_not_remove
# why: peek() uses pop(), so looking at the top plate also takes it away
class Stack:
    def __init__(self):
        self.items = []

    def push(self, item):
        self.items.append(item)

    def pop(self):
        if not self.items:
            raise IndexError("pop from an empty stack")
        return self.items.pop()

    def peek(self):
        if not self.items:
            raise IndexError("peek at an empty stack")
        return self.items.pop()

    def is_empty(self):
        return self.items == []

    def __len__(self):
        return len(self.items)
