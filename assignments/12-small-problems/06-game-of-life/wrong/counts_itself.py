# fails: test_examples_from_the_handout
# why: counts the cell itself as one of its own neighbours
def count_neighbours(grid, row, col):
    count = 0
    for r in range(row - 1, row + 2):
        for c in range(col - 1, col + 2):
            if 0 <= r < len(grid) and 0 <= c < len(grid[0]):
                if grid[r][c] == "#":
                    count += 1
    return count


def life_step(grid):
    new_grid = []
    for row in range(len(grid)):
        new_row = ""
        for col in range(len(grid[row])):
            neighbours = count_neighbours(grid, row, col)
            if neighbours == 3 or (grid[row][col] == "#" and neighbours == 2):
                new_row += "#"
            else:
                new_row += "."
        new_grid.append(new_row)
    return new_grid
