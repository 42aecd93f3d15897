# fails: test_capitalised_names, test_one_letter_names
# why: takes [1] for the first letter, but positions count from 0, so it picks the second letter
def initials(first, last):
    return first[1].upper() + "." + last[1].upper() + "."
