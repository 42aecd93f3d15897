# fails: test_generated_visitors
# why: returns the handout's two sentences instead of building one from name and age
def introduce(name, age):
    if name == "Ada":
        return "My name is Ada and my age is 36."
    return "My name is Grace and my age is 85."
