def clean_names(names):
    """Return the names stripped and in title case, leaving out blank ones."""
    return [name.strip().title() for name in names if name.strip()]
