# fails: test_simple_palindrome_word, test_word_that_is_not_a_palindrome
# why: returns the reversed text instead of the True/False answer of comparing it
def is_palindrome(text):
    cleaned = text.replace(" ", "").lower()
    return cleaned[::-1]
