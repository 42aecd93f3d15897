# fails: test_ignores_upper_and_lower_case
# why: forgets .lower(), so "Level" looks different backwards ("leveL")
def is_palindrome(text):
    cleaned = text.replace(" ", "")
    return cleaned == cleaned[::-1]
