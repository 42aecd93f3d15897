def mask_card(number):
    """Return number with every character but the last four replaced by "*"."""
    pass
