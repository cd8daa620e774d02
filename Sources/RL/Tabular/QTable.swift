/// A table of action values Q(s, a), one contiguous row per state, with the greedy and
/// ε-greedy choices learners need.
public struct QTable: Sendable, Equatable {
  /// The number of states.
  public let stateCount: Int
  /// The number of actions.
  public let actionCount: Int
  /// Q(s, a) at index `s * actionCount + a`.
  public var values: [Double]

  /// Creates a table with every entry at `initialValue`.
  public init(stateCount: Int, actionCount: Int, initialValue: Double = 0) {
    self.stateCount = stateCount
    self.actionCount = actionCount
    self.values = Array(repeating: initialValue, count: stateCount * actionCount)
  }

  /// Q(`state`, `action`).
  @inlinable
  public subscript(state: Int, action: Int) -> Double {
    get { values[state * actionCount + action] }
    set { values[state * actionCount + action] = newValue }
  }

  /// max over a of Q(`state`, a).
  @inlinable
  public func maxValue(in state: Int) -> Double {
    let base = state * actionCount
    var best = values[base]
    for a in 1..<actionCount where values[base + a] > best { best = values[base + a] }
    return best
  }

  /// The first action with the largest value (deterministic; for reading off a policy).
  @inlinable
  public func greedyAction(in state: Int) -> Int {
    let base = state * actionCount
    var best = 0
    for a in 1..<actionCount where values[base + a] > values[base + best] { best = a }
    return best
  }

  /// A greedy action with ties broken uniformly at random (for learning, where an
  /// all-zero table must not always pick action 0).
  @inlinable @inline(__always)
  public func greedyAction(in state: Int, using generator: inout SeededGenerator) -> Int {
    let base = state * actionCount
    var best = 0
    var ties = 1
    for a in 1..<actionCount {
      let v = values[base + a]
      if v > values[base + best] {
        best = a
        ties = 1
      } else if v == values[base + best] {
        ties += 1
        if generator.int(below: ties) == 0 { best = a }
      }
    }
    return best
  }

  /// With probability ε a uniformly random action, otherwise a greedy one.
  @inlinable @inline(__always)
  public func epsilonGreedyAction(
    in state: Int, epsilon: Double, using generator: inout SeededGenerator
  ) -> Int {
    if epsilon > 0, generator.uniform() < epsilon { return generator.int(below: actionCount) }
    return greedyAction(in: state, using: &generator)
  }

  /// Σₐ π(a | s) Q(s, a) for the ε-greedy policy with respect to this table (tied greedy
  /// actions share the same value, so how they split the mass does not matter), as Expected Sarsa needs.
  @inlinable
  public func epsilonGreedyExpectation(in state: Int, epsilon: Double) -> Double {
    let base = state * actionCount
    var total = 0.0
    for a in 0..<actionCount { total += values[base + a] }
    let best = maxValue(in: state)
    return epsilon * total / Double(actionCount) + (1 - epsilon) * best
  }

  /// The deterministic greedy action in every state.
  public var greedyActions: [Int] { (0..<stateCount).map { greedyAction(in: $0) } }
}
