# fails: test_ends_with_a_full_stop, test_handout_examples
# why: forgets the full stop at the end of the sentence
def introduce(name, age):
    return f"My name is {name} and my age is {age}"
