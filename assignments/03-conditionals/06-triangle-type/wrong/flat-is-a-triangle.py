# fails: test_sides_that_lie_flat
# why: uses < instead of <=, so sides like 1, 2 and 3 (which lie flat) count as a triangle
def triangle_type(a, b, c):
    if a + b < c or a + c < b or b + c < a:
        return "not a triangle"
    elif a == b and b == c:
        return "equilateral"
    elif a == b or b == c or a == c:
        return "isosceles"
    else:
        return "scalene"
