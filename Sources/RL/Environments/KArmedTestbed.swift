/// One problem from Sutton & Barto's k-armed testbed (Section 2.3): each arm's true value
/// q*(a) is drawn from N(`meanOffset`, 1), and pulling arm a pays a reward drawn from
/// N(q*(a), 1).
public struct KArmedTestbed: Sendable {
  /// The true expected reward of each arm.
  public let trueValues: [Double]
  /// The arm with the highest true value.
  public let optimalArm: Int

  /// Draws a new problem with `arms` arms.
  public init(arms: Int = 10, meanOffset: Double = 0, using generator: inout SeededGenerator) {
    self.init(trueValues: (0..<arms).map { _ in meanOffset + generator.normal() })
  }

  /// A problem with the given true values.
  public init(trueValues: [Double]) {
    precondition(!trueValues.isEmpty, "a bandit needs at least one arm")
    self.trueValues = trueValues
    var best = 0
    for a in trueValues.indices where trueValues[a] > trueValues[best] { best = a }
    self.optimalArm = best
  }

  /// The number of arms.
  public var armCount: Int { trueValues.count }

  /// Pulls `arm` and returns a reward drawn from N(q*(arm), 1).
  @inlinable
  public func pull(_ arm: Int, using generator: inout SeededGenerator) -> Double {
    trueValues[arm] + generator.normal()
  }
}
