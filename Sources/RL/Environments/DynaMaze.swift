/// Sutton & Barto's Dyna maze (Example 8.1, Figure 8.2): a 6 × 9 grid with seven wall
/// cells, start at row 2 column 0 and goal at row 0 column 8. Every step gives 0; entering
/// the goal gives +1 and ends the episode. Actions: 0 up, 1 right, 2 down, 3 left.
public enum DynaMaze {
  /// The grid-world description.
  public static var grid: GridWorld {
    var grid = GridWorld(rows: 6, columns: 9)
    grid.stepReward = 0
    grid.start = grid.cell(2, 0)
    let goal = grid.cell(0, 8)
    grid.terminals = [goal]
    grid.entryRewards[goal] = 1
    grid.walls = [
      grid.cell(1, 2), grid.cell(2, 2), grid.cell(3, 2), grid.cell(4, 5), grid.cell(0, 7),
      grid.cell(1, 7), grid.cell(2, 7),
    ]
    return grid
  }

  /// A simulator starting on the start cell.
  public static func environment() -> TabularEnvironment { grid.environment() }
}
