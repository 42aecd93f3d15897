# fails: test_handout_examples, test_generated_visitors
# why: joins the number age to a string with + without str(), which raises a TypeError
def introduce(name, age):
    return "My name is " + name + " and my age is " + age + "."
