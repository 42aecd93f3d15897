# fails: test_pop_returns_the_last_pushed
# why: pop() takes the first item of the list (the bottom plate) instead of the last one
class Stack:
    def __init__(self):
        self.items = []

    def push(self, item):
        self.items.append(item)

    def pop(self):
        if not self.items:
            raise IndexError("pop from an empty stack")
        return self.items.pop(0)

    def peek(self):
        if not self.items:
            raise IndexError("peek at an empty stack")
        return self.items[-1]

    def is_empty(self):
        return self.items == []

    def __len__(self):
        return len(self.items)
