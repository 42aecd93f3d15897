def best_student(grades):
    """Return the name with the highest average score (ties: alphabetically first); None if empty."""
    pass
