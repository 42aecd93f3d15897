# fails: test_examples_from_the_handout, test_closing_before_opening
# why: only counts opening and closing brackets, so order and kind are never checked
def is_balanced(text):
    count = 0
    for char in text:
        if char in "([{":
            count += 1
        elif char in ")]}":
            count -= 1
    return count == 0
