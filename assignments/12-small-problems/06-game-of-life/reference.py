def count_neighbours(grid, row, col):
    """How many of the 8 cells around (row, col) are alive; cells outside the grid are dead."""
    count = 0
    for r in range(row - 1, row + 2):
        for c in range(col - 1, col + 2):
            if (r, c) != (row, col) and 0 <= r < len(grid) and 0 <= c < len(grid[0]):
                if grid[r][c] == "#":
                    count += 1
    return count


def life_step(grid):
    """Return the grid (a list of strings of '#' and '.') after one step of the Game of Life."""
    new_grid = []
    for row in range(len(grid)):
        new_row = ""
        for col in range(len(grid[row])):
            neighbours = count_neighbours(grid, row, col)
            alive = grid[row][col] == "#"
            if neighbours == 3 or (alive and neighbours == 2):
                new_row += "#"
            else:
                new_row += "."
        new_grid.append(new_row)
    return new_grid
