def is_balanced(text):
    """Return True if every bracket in text is closed in the right order, False if not."""
    partner = {")": "(", "]": "[", "}": "{"}
    pile = []
    for char in text:
        if char in "([{":
            pile.append(char)
        elif char in partner:
            if pile == [] or pile[-1] != partner[char]:
                return False
            pile.pop()
    return pile == []
