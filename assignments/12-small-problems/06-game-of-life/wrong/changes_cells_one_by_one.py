# fails: test_examples_from_the_handout, test_blinker_turns_back
# why: changes cells while still counting, so later cells see neighbours that already moved to the next step
def count_neighbours(cells, row, col):
    count = 0
    for r in range(row - 1, row + 2):
        for c in range(col - 1, col + 2):
            if (r, c) != (row, col) and 0 <= r < len(cells) and 0 <= c < len(cells[0]):
                if cells[r][c] == "#":
                    count += 1
    return count


def life_step(grid):
    cells = [list(row) for row in grid]
    for row in range(len(cells)):
        for col in range(len(cells[row])):
            neighbours = count_neighbours(cells, row, col)
            if neighbours == 3 or (cells[row][col] == "#" and neighbours == 2):
                cells[row][col] = "#"
            else:
                cells[row][col] = "."
    return ["".join(row) for row in cells]
