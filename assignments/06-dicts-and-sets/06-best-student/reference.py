def best_student(grades):
    """Return the name with the highest average score (ties: alphabetically first); None if empty."""
    best_name = None
    best_average = 0
    for name in grades:
        scores = grades[name]
        average = sum(scores) / len(scores)
        if best_name is None or average > best_average or (average == best_average and name < best_name):
            best_name = name
            best_average = average
    return best_name
