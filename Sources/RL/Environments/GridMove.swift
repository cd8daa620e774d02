/// One of the four compass moves in a grid world, with its row and column change and the
/// arrow used to draw it.
public enum GridMove: Sendable, CaseIterable {
  /// Towards row 0.
  case up
  /// Towards the last column.
  case right
  /// Towards the last row.
  case down
  /// Towards column 0.
  case left

  /// The change in row index.
  public var rowChange: Int {
    switch self {
    case .up: -1
    case .down: 1
    case .left, .right: 0
    }
  }

  /// The change in column index.
  public var columnChange: Int {
    switch self {
    case .left: -1
    case .right: 1
    case .up, .down: 0
    }
  }

  /// The arrow that draws this move: ↑ → ↓ ←.
  public var arrow: Character {
    switch self {
    case .up: "↑"
    case .right: "→"
    case .down: "↓"
    case .left: "←"
    }
  }

  /// The two moves at right angles to this one (where slippery ice may send you), in
  /// counter-clockwise then clockwise order.
  public var perpendicular: (GridMove, GridMove) {
    switch self {
    case .up: (.left, .right)
    case .right: (.up, .down)
    case .down: (.right, .left)
    case .left: (.down, .up)
    }
  }
}
