/// The gradient bandit (Sutton & Barto, Section 2.8): a softmax policy over preferences
/// H(a), moved by stochastic gradient ascent on the expected reward.
///
/// After reward R for arm Aₜ: H(a) ← H(a) + α (R − R̄)(𝟙[a = Aₜ] − π(a)), where the baseline
/// R̄ is the running average of all rewards so far, or zero without a baseline.
public struct GradientBanditAgent: BanditAgent {
  /// The step size α.
  public let learningRate: Double
  /// Whether the average reward is subtracted as a baseline.
  public let usesBaseline: Bool
  /// The preferences H(a).
  public private(set) var preferences: [Double]
  /// The running average reward R̄.
  public private(set) var averageReward = 0.0
  var probabilities: [Double]
  var time = 0

  /// Creates an agent with all preferences at zero.
  public init(arms: Int, learningRate: Double, baseline: Bool = true) {
    self.learningRate = learningRate
    self.usesBaseline = baseline
    self.preferences = Array(repeating: 0, count: arms)
    self.probabilities = Array(repeating: 1 / Double(arms), count: arms)
  }

  /// Samples an arm from π = softmax(H).
  public mutating func selectArm(using generator: inout SeededGenerator) -> Int {
    probabilities = softmax(preferences)
    return generator.categorical(probabilities)
  }

  /// One stochastic-gradient step on the preferences.
  public mutating func update(arm: Int, reward: Double) {
    time += 1
    averageReward += (reward - averageReward) / Double(time)
    let advantage = reward - (usesBaseline ? averageReward : 0)
    for a in preferences.indices {
      let indicator = a == arm ? 1.0 : 0.0
      preferences[a] += learningRate * advantage * (indicator - probabilities[a])
    }
  }
}
