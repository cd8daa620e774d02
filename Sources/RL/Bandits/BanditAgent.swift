/// A learner for a multi-armed bandit: it picks an arm, sees the reward, and updates.
///
/// Agents are value types that start fresh when created, so an experiment can copy one
/// prototype into every run.
public protocol BanditAgent: Sendable {
  /// Chooses the next arm to pull.
  mutating func selectArm(using generator: inout SeededGenerator) -> Int
  /// Learns from the reward that pulling `arm` paid.
  mutating func update(arm: Int, reward: Double)
}

/// The index of the largest entry, breaking ties uniformly at random.
///
/// - Complexity: O(n), one random draw per tie met.
@inlinable
public func argmaxRandomTies(_ values: [Double], using generator: inout SeededGenerator) -> Int {
  var best = 0
  var ties = 1
  for i in 1..<values.count {
    if values[i] > values[best] {
      best = i
      ties = 1
    } else if values[i] == values[best] {
      ties += 1
      if generator.int(below: ties) == 0 { best = i }
    }
  }
  return best
}
