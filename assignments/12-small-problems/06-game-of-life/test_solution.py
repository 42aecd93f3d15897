import random
import unittest

from solution import life_step


def expected_step(grid):
    # Count, for every position, how many live cells touch it; then apply the rules.
    alive = {(r, c) for r, line in enumerate(grid) for c, char in enumerate(line) if char == "#"}
    touching = {}
    for r, c in alive:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    touching[(r + dr, c + dc)] = touching.get((r + dr, c + dc), 0) + 1
    return [
        "".join(
            "#" if touching.get((r, c), 0) == 3 or ((r, c) in alive and touching.get((r, c), 0) == 2) else "."
            for c in range(len(line))
        )
        for r, line in enumerate(grid)
    ]


class TestLifeStep(unittest.TestCase):
    def check(self, grid, expected, why=""):
        self.assertEqual(life_step(grid), expected, f"life_step({grid!r}) should be {expected!r}{why}")

    def test_examples_from_the_handout(self):
        self.check([".....", "..#..", "..#..", "..#..", "....."], [".....", ".....", ".###.", ".....", "....."])
        self.check(["##", "##"], ["##", "##"], " (a square block never changes)")
        self.check(["...", ".#.", "..."], ["...", "...", "..."], " (a lonely cell dies)")

    def test_blinker_turns_back(self):
        self.check([".....", ".....", ".###.", ".....", "....."], [".....", "..#..", "..#..", "..#..", "....."])

    def test_crowded_cell_dies(self):
        self.check(["###", "###", "###"], ["#.#", "...", "#.#"], " (cells with 4 or more neighbours die)")

    def test_cells_outside_the_grid_are_dead(self):
        self.check(["#..", "#..", "#.."], ["...", "##.", "..."], " (there is nothing above the top row or left of column 0)")

    def test_grid_that_is_not_square(self):
        self.check(["#.#..", ".#..."], [".#...", ".#..."])

    def test_empty_grid(self):
        self.assertEqual(life_step([]), [], "life_step([]) should be []")

    def test_generated_grids(self):
        rng = random.Random(1206)
        for _ in range(30):
            rows, cols = rng.randint(1, 7), rng.randint(1, 7)
            grid = ["".join("#" if rng.random() < 0.4 else "." for _ in range(cols)) for _ in range(rows)]
            self.check(grid, expected_step(grid))


if __name__ == "__main__":
    unittest.main()
