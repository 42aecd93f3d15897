# fails: test_generated_texts
# why: returns the handout's answers for the handout's texts instead of checking the text
def is_palindrome(text):
    if text == "hello":
        return False
    return True
