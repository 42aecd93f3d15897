# fails: test_handout_examples, test_generated_visitors
# why: forgets the spaces around the name when joining pieces with +
def introduce(name, age):
    return "My name is" + name + "and my age is " + str(age) + "."
