# fails: test_lower_case_names_become_capitals
# why: forgets .upper(), so names typed in lower case give lower-case initials
def initials(first, last):
    return first[0] + "." + last[0] + "."
