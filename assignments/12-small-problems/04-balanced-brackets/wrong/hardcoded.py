# fails: test_generated_texts
# why: returns the handout's examples by if instead of checking the brackets
def is_balanced(text):
    if text in ("([)]", "(("):
        return False
    return True
