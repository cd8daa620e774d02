/// Monte Carlo prediction of v_π (Sutton & Barto, Sections 5.1 and 6.2): after each
/// episode, move V(s) towards the actual return G that followed the first visit to s.
///
/// With `learningRate == nil` V(s) is the plain average of the returns seen (first-visit MC);
/// with a constant α it is the "constant-α MC" of Section 6.2. No bootstrapping: the target
/// is unbiased but carries the noise of a whole episode.
public struct MonteCarloPredictor: Sendable {
  /// The current estimates V(s).
  public var values: [Double]
  /// The constant step size α, or `nil` for sample averages.
  public var learningRate: Double?
  /// The discount γ.
  public var discount: Double
  /// How many returns each state's average includes.
  public private(set) var counts: [Int]

  /// Creates a predictor with every V(s) at `initialValue`.
  public init(
    stateCount: Int, learningRate: Double? = nil, discount: Double = 1, initialValue: Double = 0
  ) {
    self.values = Array(repeating: initialValue, count: stateCount)
    self.learningRate = learningRate
    self.discount = discount
    self.counts = Array(repeating: 0, count: stateCount)
  }

  /// Generates one episode with `policy` and updates the first-visit states.
  ///
  /// - Complexity: O(episode length).
  public mutating func runEpisode(
    policy: TabularPolicy, in env: inout TabularEnvironment, maxSteps: Int = .max,
    using generator: inout SeededGenerator
  ) {
    var states = [Int]()
    var rewards = [Double]()
    var s = env.reset(using: &generator)
    while states.count < maxSteps {
      let step = env.step(policy.sampleAction(in: s, using: &generator))
      states.append(s)
      rewards.append(step.reward)
      if step.isDone { break }
      s = step.observation
    }
    var firstVisit = [Int: Int]()
    for (t, state) in states.enumerated().reversed() { firstVisit[state] = t }
    var g = 0.0
    for t in stride(from: states.count - 1, through: 0, by: -1) {
      g = rewards[t] + discount * g
      let state = states[t]
      guard firstVisit[state] == t else { continue }
      counts[state] += 1
      let alpha = learningRate ?? 1 / Double(counts[state])
      values[state] += alpha * (g - values[state])
    }
  }
}

/// On-policy first-visit Monte Carlo control with an ε-soft (ε-greedy) policy (Sutton &
/// Barto, Section 5.4): play an episode with the ε-greedy policy of Q, then move each
/// first-visited Q(s, a) towards the return that followed it.
public struct MonteCarloControlLearner: Sendable {
  /// The exploration probability ε; every action keeps probability at least ε/|A|.
  public var epsilon: Double
  /// The discount γ.
  public var discount: Double
  /// The constant step size α, or `nil` for sample averages.
  public var learningRate: Double?
  /// The action values being learned.
  public var q: QTable
  /// How many returns each pair's average includes.
  public private(set) var counts: [Int]

  /// Creates a learner with every Q(s, a) at `initialValue`.
  public init(
    stateCount: Int, actionCount: Int, epsilon: Double = 0.1, discount: Double = 1,
    learningRate: Double? = nil, initialValue: Double = 0
  ) {
    self.epsilon = epsilon
    self.discount = discount
    self.learningRate = learningRate
    self.q = QTable(stateCount: stateCount, actionCount: actionCount, initialValue: initialValue)
    self.counts = Array(repeating: 0, count: stateCount * actionCount)
  }

  /// Plays one episode (at most `maxSteps` steps) and learns from it.
  ///
  /// - Complexity: O(episode length).
  public mutating func runEpisode(
    in env: inout TabularEnvironment, maxSteps: Int = .max,
    using generator: inout SeededGenerator
  ) -> EpisodeSummary {
    var pairs = [Int]()
    var rewards = [Double]()
    var s = env.reset(using: &generator)
    while pairs.count < maxSteps {
      let a = q.epsilonGreedyAction(in: s, epsilon: epsilon, using: &generator)
      let step = env.step(a)
      pairs.append(s * q.actionCount + a)
      rewards.append(step.reward)
      if step.isDone { break }
      s = step.observation
    }
    var firstVisit = [Int: Int]()
    for (t, pair) in pairs.enumerated().reversed() { firstVisit[pair] = t }
    var g = 0.0
    for t in stride(from: pairs.count - 1, through: 0, by: -1) {
      g = rewards[t] + discount * g
      let pair = pairs[t]
      guard firstVisit[pair] == t else { continue }
      counts[pair] += 1
      let alpha = learningRate ?? 1 / Double(counts[pair])
      q.values[pair] += alpha * (g - q.values[pair])
    }
    return EpisodeSummary(totalReward: rewards.reduce(0, +), length: pairs.count)
  }
}
