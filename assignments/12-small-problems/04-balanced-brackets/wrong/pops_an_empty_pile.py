# fails: test_closing_before_opening
# why: does not check that the pile is empty before looking at pile[-1], so a closing bracket first crashes with IndexError
def is_balanced(text):
    partner = {")": "(", "]": "[", "}": "{"}
    pile = []
    for char in text:
        if char in "([{":
            pile.append(char)
        elif char in partner:
            if pile[-1] != partner[char]:
                return False
            pile.pop()
    return pile == []
