# fails: test_spaces_are_removed, test_example_from_the_handout
# why: checks for blank names but keeps the spaces around the names it returns.
def clean_names(names):
    return [name.title() for name in names if name.strip()]
