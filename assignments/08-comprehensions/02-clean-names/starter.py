def clean_names(names):
    """Return the names stripped and in title case, leaving out blank ones."""
    pass
