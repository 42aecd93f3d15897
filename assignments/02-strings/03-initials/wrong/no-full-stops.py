# fails: test_capitalised_names, test_generated_names
# why: forgets the full stop after each letter
def initials(first, last):
    return first[0].upper() + last[0].upper()
