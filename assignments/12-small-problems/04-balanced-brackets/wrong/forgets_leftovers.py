# fails: test_examples_from_the_handout, test_something_left_open_at_the_end
# why: returns True at the end without checking that no bracket is still open
def is_balanced(text):
    partner = {")": "(", "]": "[", "}": "{"}
    pile = []
    for char in text:
        if char in "([{":
            pile.append(char)
        elif char in partner:
            if pile == [] or pile[-1] != partner[char]:
                return False
            pile.pop()
    return True
