def sign(n):
    """Return "positive", "negative" or "zero", depending on the number n."""
    pass
