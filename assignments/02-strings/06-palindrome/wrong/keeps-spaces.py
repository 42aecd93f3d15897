# fails: test_ignores_spaces
# why: forgets to remove the spaces, which sit in different places when the sentence is reversed
def is_palindrome(text):
    cleaned = text.lower()
    return cleaned == cleaned[::-1]
