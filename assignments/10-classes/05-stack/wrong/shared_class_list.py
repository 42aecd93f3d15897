# fails: test_two_stacks_are_separate
# why: keeps the items in one list written in the class body, so every stack shares the same plates
class Stack:
    items = []

    def push(self, item):
        self.items.append(item)

    def pop(self):
        if not self.items:
            raise IndexError("pop from an empty stack")
        return self.items.pop()

    def peek(self):
        if not self.items:
            raise IndexError("peek at an empty stack")
        return self.items[-1]

    def is_empty(self):
        return self.items == []

    def __len__(self):
        return len(self.items)
