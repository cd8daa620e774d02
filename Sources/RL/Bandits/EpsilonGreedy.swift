/// ε-greedy action selection over action-value estimates (Sutton & Barto, Section 2.2–2.6).
///
/// With probability ε it pulls a uniformly random arm, otherwise the arm with the highest
/// estimate (ties broken at random). Estimates move towards each reward by 1/n (sample
/// averages) or by a constant step α, from an initial value Q₀ that can be optimistic.
public struct EpsilonGreedyAgent: BanditAgent {
  /// The exploration probability ε.
  public let epsilon: Double
  /// The constant step size α, or `nil` for sample averages.
  public let learningRate: Double?
  /// The current estimates Q(a).
  public private(set) var estimates: [Double]
  /// How often each arm was pulled.
  public private(set) var counts: [Int]

  /// Creates an agent with all estimates at `initialValue`.
  public init(arms: Int, epsilon: Double, initialValue: Double = 0, learningRate: Double? = nil) {
    self.epsilon = epsilon
    self.learningRate = learningRate
    self.estimates = Array(repeating: initialValue, count: arms)
    self.counts = Array(repeating: 0, count: arms)
  }

  /// Explores with probability ε, otherwise exploits.
  public mutating func selectArm(using generator: inout SeededGenerator) -> Int {
    if epsilon > 0, generator.uniform() < epsilon { return generator.int(below: estimates.count) }
    return argmaxRandomTies(estimates, using: &generator)
  }

  /// Q(a) ← Q(a) + α (R − Q(a)), with α = 1/n(a) for sample averages.
  public mutating func update(arm: Int, reward: Double) {
    counts[arm] += 1
    let alpha = learningRate ?? 1 / Double(counts[arm])
    estimates[arm] += alpha * (reward - estimates[arm])
  }
}
