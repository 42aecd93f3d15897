# fails: test_blank_names_are_left_out, test_example_from_the_handout
# why: forgets the filter, so blank names stay in the list as empty strings.
def clean_names(names):
    return [name.strip().title() for name in names]
