def mask_card(number):
    """Return number with every character but the last four replaced by "*"."""
    return "*" * (len(number) - 4) + number[-4:]
