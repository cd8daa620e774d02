/// Tabular Dyna-Q (Sutton & Barto, Section 8.2; Sutton, "Integrated Architectures for
/// Learning, Planning, and Reacting Based on Approximating Dynamic Programming", 1990).
///
/// Every real step does a Q-learning update and records the transition in a model (the
/// last outcome seen for each pair, which is exact in a deterministic world). Then
/// `planningSteps` times it replays a randomly chosen remembered pair from the model and
/// does the same Q-learning update on the imagined transition.
public struct DynaQLearner: Sendable {
  /// The number of planning updates per real step (n).
  public var planningSteps: Int
  /// The step size α.
  public var learningRate: Double
  /// The discount γ.
  public var discount: Double
  /// The exploration probability ε.
  public var epsilon: Double
  /// The action values being learned.
  public var q: QTable
  var modelNext: [Int]
  var modelReward: [Double]
  var modelTerminal: [Bool]
  var observedPairs: [Int] = []

  /// Creates a learner with an empty model and every Q(s, a) at `initialValue`.
  public init(
    planningSteps: Int, stateCount: Int, actionCount: Int, learningRate: Double = 0.1,
    discount: Double = 0.95, epsilon: Double = 0.1, initialValue: Double = 0
  ) {
    self.planningSteps = planningSteps
    self.learningRate = learningRate
    self.discount = discount
    self.epsilon = epsilon
    self.q = QTable(stateCount: stateCount, actionCount: actionCount, initialValue: initialValue)
    let pairs = stateCount * actionCount
    modelNext = Array(repeating: -1, count: pairs)
    modelReward = Array(repeating: 0, count: pairs)
    modelTerminal = Array(repeating: false, count: pairs)
  }

  mutating func qLearningUpdate(pair: Int, reward: Double, next: Int, terminal: Bool) {
    let target = reward + (terminal ? 0 : discount * q.maxValue(in: next))
    q.values[pair] += learningRate * (target - q.values[pair])
  }

  /// Runs and learns from one episode, planning after every real step.
  ///
  /// - Complexity: O(steps × planningSteps × actions).
  public mutating func runEpisode(
    in env: inout TabularEnvironment, maxSteps: Int = .max,
    using generator: inout SeededGenerator
  ) -> EpisodeSummary {
    var s = env.reset(using: &generator)
    var total = 0.0
    var t = 0
    while t < maxSteps {
      let a = q.epsilonGreedyAction(in: s, epsilon: epsilon, using: &generator)
      let step = env.step(a)
      t += 1
      total += step.reward
      let pair = s * q.actionCount + a
      qLearningUpdate(
        pair: pair, reward: step.reward, next: step.observation, terminal: step.terminated)
      if modelNext[pair] < 0 { observedPairs.append(pair) }
      modelNext[pair] = step.observation
      modelReward[pair] = step.reward
      modelTerminal[pair] = step.terminated
      for _ in 0..<planningSteps {
        let p = observedPairs[generator.int(below: observedPairs.count)]
        qLearningUpdate(
          pair: p, reward: modelReward[p], next: modelNext[p], terminal: modelTerminal[p])
      }
      if step.isDone { break }
      s = step.observation
    }
    return EpisodeSummary(totalReward: total, length: t)
  }
}
