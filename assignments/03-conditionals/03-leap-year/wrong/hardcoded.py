# fails: test_generated_years
# why: returns the handout's answers for the handout's years instead of using the rule
def is_leap_year(year):
    if year == 2024 or year == 2000:
        return True
    return False
