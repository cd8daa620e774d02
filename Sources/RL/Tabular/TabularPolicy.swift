/// A stochastic policy π(a | s) over finitely many states and actions, stored as one
/// probability row per state.
public struct TabularPolicy: Sendable, Equatable {
  /// The number of states.
  public let stateCount: Int
  /// The number of actions.
  public let actionCount: Int
  /// π(a | s) at index `s * actionCount + a`.
  public var probabilities: [Double]

  /// Creates a policy from its flat probability table.
  public init(stateCount: Int, actionCount: Int, probabilities: [Double]) {
    precondition(probabilities.count == stateCount * actionCount, "one entry per pair")
    self.stateCount = stateCount
    self.actionCount = actionCount
    self.probabilities = probabilities
  }

  /// The equiprobable random policy.
  public static func uniform(stateCount: Int, actionCount: Int) -> TabularPolicy {
    TabularPolicy(
      stateCount: stateCount, actionCount: actionCount,
      probabilities: Array(repeating: 1 / Double(actionCount), count: stateCount * actionCount))
  }

  /// The deterministic policy that takes `actions[s]` in state s.
  public static func deterministic(_ actions: [Int], actionCount: Int) -> TabularPolicy {
    var p = [Double](repeating: 0, count: actions.count * actionCount)
    for (s, a) in actions.enumerated() { p[s * actionCount + a] = 1 }
    return TabularPolicy(stateCount: actions.count, actionCount: actionCount, probabilities: p)
  }

  /// π(`action` | `state`).
  @inlinable
  public subscript(state: Int, action: Int) -> Double {
    probabilities[state * actionCount + action]
  }

  /// Draws an action in `state`.
  @inlinable
  public func sampleAction(in state: Int, using generator: inout SeededGenerator) -> Int {
    var u = generator.uniform()
    let base = state * actionCount
    for a in 0..<actionCount {
      u -= probabilities[base + a]
      if u < 0 { return a }
    }
    return actionCount - 1
  }
}
