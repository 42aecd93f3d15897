def sign(n):
    """Return "positive", "negative" or "zero", depending on the number n."""
    if n > 0:
        return "positive"
    elif n < 0:
        return "negative"
    else:
        return "zero"
