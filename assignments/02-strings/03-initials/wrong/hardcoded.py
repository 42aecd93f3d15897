# fails: test_generated_names
# why: returns the handout's answers for the handout's names instead of reading the names
def initials(first, last):
    if first == "Ada":
        return "A.L."
    return "A.T."
