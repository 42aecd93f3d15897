# fails: test_generated_operations
# why: answers with the handout's example plates instead of keeping the pushed items
class Stack:
    def __init__(self):
        self.count = 0

    def push(self, item):
        self.count += 1

    def pop(self):
        if self.count == 0:
            raise IndexError("pop from an empty stack")
        self.count -= 1
        return "blue" if self.count == 1 else "red"

    def peek(self):
        if self.count == 0:
            raise IndexError("peek at an empty stack")
        return "blue"

    def is_empty(self):
        return self.count == 0

    def __len__(self):
        return self.count
