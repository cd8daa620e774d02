/// Sutton & Barto's cliff walk (Example 6.6) with Gymnasium's `CliffWalking-v0` numbering.
///
/// A 4 × 12 grid; states are `row * 12 + column`, the start is 36 (bottom left), the goal
/// is 47 (bottom right), and cells 37…46 are the cliff. Actions: 0 up, 1 right, 2 down,
/// 3 left. Every step costs −1; stepping into the cliff costs −100 and puts you back on the
/// start without ending the episode. Entering the goal ends it.
public enum CliffWalking {
  /// The start state (row 3, column 0).
  public static let start = 36
  /// The goal state (row 3, column 11).
  public static let goal = 47
  /// The cliff cells.
  public static let cliff = Set(37...46)

  /// The grid-world description, for drawing values and policies.
  public static var grid: GridWorld {
    var grid = GridWorld(rows: 4, columns: 12, moves: [.up, .right, .down, .left])
    grid.start = start
    grid.terminals = [goal]
    for c in cliff { grid.cliffs[c] = -100 }
    return grid
  }

  /// The explicit model.
  public static func mdp() -> TabularMDP { grid.mdp() }

  /// A simulator starting on state 36.
  public static func environment(timeLimit: Int? = nil) -> TabularEnvironment {
    grid.environment(timeLimit: timeLimit)
  }
}
