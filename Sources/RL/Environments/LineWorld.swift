/// The line world of the book's first chapter: five positions, −2 … 2, on a line.
///
/// The agent starts at 0 and each step moves left (−1), stays (0) or moves right (+1),
/// clamped to the ends. The reward depends on the position it lands on: reaching 2 pays +10
/// and ends the episode; landing on 1 costs −5; every other step costs −1. An episode is cut
/// off after `horizon` steps. The −5 square stands between the start and the +10 goal, so an
/// agent that looks only at the next reward never gets there.
public struct LineWorld: Sendable {
  /// The positions, left to right.
  public let positions = Array(-2...2)
  /// The moves, in action order: left, stay, right.
  public let moves = [-1, 0, 1]
  /// Where every episode starts.
  public let start = 0
  /// The position that pays +10 and ends the episode.
  public let goal = 2
  /// The most steps in an episode before it is truncated.
  public var horizon: Int

  /// Creates the line world with the given episode length limit.
  public init(horizon: Int = 20) {
    self.horizon = horizon
  }

  /// The number of positions (states).
  public var stateCount: Int { positions.count }
  /// The number of moves (actions).
  public var actionCount: Int { moves.count }

  /// The index (0…4) of a position (−2…2).
  public func index(of position: Int) -> Int { position + 2 }

  /// The reward for landing on `position`.
  public func reward(landingOn position: Int) -> Double {
    switch position {
    case goal: return 10
    case 1: return -5
    default: return -1
    }
  }

  /// One step: where the move leads, its reward, and whether the episode ended at the goal.
  public func step(from position: Int, action: Int) -> (next: Int, reward: Double, terminated: Bool)
  {
    let next = min(2, max(-2, position + moves[action]))
    return (next, reward(landingOn: next), next == goal)
  }
}
