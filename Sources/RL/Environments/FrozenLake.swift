/// Gymnasium's `FrozenLake-v1` on its 4 × 4 map:
///
/// ```text
/// SFFF
/// FHFH
/// FFFH
/// HFFG
/// ```
///
/// States are `row * 4 + column`; actions are 0 left, 1 down, 2 right, 3 up. Falling in a
/// hole (H) ends the episode with reward 0; reaching the goal (G, state 15) ends it with
/// reward 1; every other step gives 0. On slippery ice the agent moves in the intended
/// direction or in either perpendicular one, with probability 1/3 each. Gymnasium's
/// registered version truncates episodes after 100 steps.
public enum FrozenLake {
  /// The 4 × 4 map, one string per row.
  public static let map = ["SFFF", "FHFH", "FFFH", "HFFG"]
  /// The goal state.
  public static let goal = 15
  /// The holes.
  public static let holes: Set<Int> = [5, 7, 11, 12]

  /// The grid-world description, for drawing values and policies.
  public static func grid(slippery: Bool = true) -> GridWorld {
    var grid = GridWorld(rows: 4, columns: 4, moves: [.left, .down, .right, .up])
    grid.stepReward = 0
    grid.start = 0
    grid.terminals = holes.union([goal])
    grid.entryRewards[goal] = 1
    grid.slippery = slippery
    return grid
  }

  /// The explicit model.
  public static func mdp(slippery: Bool = true) -> TabularMDP { grid(slippery: slippery).mdp() }

  /// A simulator starting on state 0, truncated after `timeLimit` steps (100 by default,
  /// as registered in Gymnasium).
  public static func environment(slippery: Bool = true, timeLimit: Int? = 100)
    -> TabularEnvironment
  {
    grid(slippery: slippery).environment(timeLimit: timeLimit)
  }
}
