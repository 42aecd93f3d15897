def life_step(grid):
    """Return the grid (a list of strings of '#' and '.') after one step of the Game of Life."""
    pass
