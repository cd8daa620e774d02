/// A builder for rectangular grid worlds: states are cells numbered row by row
/// (`row * columns + column`), actions are compass moves in an order you choose.
///
/// Moving off the edge or into a wall leaves you where you are. On top of that you can
/// mark terminal cells, cells that reward you specially on entry, cliffs that send you back
/// to the start, "jump" cells that move you elsewhere whatever you do, and slippery ice.
///
/// ```swift
/// var grid = GridWorld(rows: 4, columns: 4)
/// grid.terminals = [0, 15]
/// let mdp = grid.mdp()
/// ```
public struct GridWorld: Sendable {
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let columns: Int
  /// The moves, in action-number order.
  public var moves: [GridMove]
  /// The reward for an ordinary move.
  public var stepReward: Double = -1
  /// The reward for bumping into the edge or a wall, or `nil` to use ``stepReward``.
  public var bumpReward: Double? = nil
  /// The start cell (where episodes begin and where cliffs send you).
  public var start = 0
  /// Cells where an episode ends on entry.
  public var terminals: Set<Int> = []
  /// Cells that cannot be entered.
  public var walls: Set<Int> = []
  /// Rewards that replace ``stepReward`` when a move enters the cell.
  public var entryRewards: [Int: Double] = [:]
  /// Cliff cells: entering one gives its reward and puts you back on ``start``.
  public var cliffs: [Int: Double] = [:]
  /// Cells from which every action jumps to `target` with `reward` (Sutton & Barto's A and B).
  public var jumps: [Int: (target: Int, reward: Double)] = [:]
  /// Whether the ice is slippery: the intended move or either perpendicular one, 1/3 each.
  public var slippery = false

  /// Creates an open grid with moves numbered up, right, down, left.
  public init(rows: Int, columns: Int, moves: [GridMove] = [.up, .right, .down, .left]) {
    precondition(rows > 0 && columns > 0, "a grid needs at least one cell")
    self.rows = rows
    self.columns = columns
    self.moves = moves
  }

  /// The number of cells (states).
  public var cellCount: Int { rows * columns }

  /// The cell index of (`row`, `column`).
  public func cell(_ row: Int, _ column: Int) -> Int { row * columns + column }

  /// Where a plain move from `cell` lands, and whether it bumped into something.
  public func destination(from cell: Int, _ move: GridMove) -> (cell: Int, bumped: Bool) {
    let r = cell / columns + move.rowChange
    let c = cell % columns + move.columnChange
    guard 0..<rows ~= r, 0..<columns ~= c, !walls.contains(r * columns + c) else {
      return (cell, true)
    }
    return (r * columns + c, false)
  }

  /// The outcome of a move from `cell` that goes in direction `move` (after any slip).
  func outcome(from cell: Int, _ move: GridMove, probability: Double) -> TabularMDP.Outcome {
    if let jump = jumps[cell] {
      return .init(probability: probability, nextState: jump.target, reward: jump.reward)
    }
    let (next, bumped) = destination(from: cell, move)
    if let cliffReward = cliffs[next] {
      return .init(probability: probability, nextState: start, reward: cliffReward)
    }
    var reward = bumped ? (bumpReward ?? stepReward) : stepReward
    if !bumped, let entry = entryRewards[next] { reward = entry }
    return .init(probability: probability, nextState: next, reward: reward)
  }

  /// The grid as an explicit model p(s′, r | s, a).
  ///
  /// - Complexity: O(rows × columns × moves).
  public func mdp() -> TabularMDP {
    let terminal = (0..<cellCount).map { terminals.contains($0) }
    return TabularMDP(stateCount: cellCount, actionCount: moves.count, isTerminal: terminal) {
      s, a in
      let move = moves[a]
      guard slippery else { return [outcome(from: s, move, probability: 1)] }
      let (left, right) = move.perpendicular
      return [left, move, right].map { outcome(from: s, $0, probability: 1.0 / 3) }
    }
  }

  /// A simulator of the grid that starts every episode on ``start``.
  public func environment(timeLimit: Int? = nil) -> TabularEnvironment {
    TabularEnvironment(mdp: mdp(), start: start, timeLimit: timeLimit)
  }
}
