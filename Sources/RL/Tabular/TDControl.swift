/// Which one-step TD target a ``TDControlLearner`` uses for the next state S′.
public enum TDControlMethod: String, Sendable, CaseIterable {
  /// On-policy: Q(S′, A′) for the action A′ actually taken next.
  case sarsa = "Sarsa"
  /// The expectation Σₐ π(a|S′) Q(S′, a) under the ε-greedy policy.
  case expectedSarsa = "Expected Sarsa"
  /// Off-policy: maxₐ Q(S′, a), the greedy policy's value.
  case qLearning = "Q-learning"
}

/// One-step TD control with an ε-greedy behaviour policy (Sutton & Barto, Sections 6.4–6.6):
/// Sarsa, Expected Sarsa or Q-learning, all of the form
/// Q(S, A) ← Q(S, A) + α [R + γ · target(S′) − Q(S, A)], with target zero at terminal states.
public struct TDControlLearner: Sendable {
  /// The TD target.
  public var method: TDControlMethod
  /// The step size α.
  public var learningRate: Double
  /// The discount γ.
  public var discount: Double
  /// The exploration probability ε of the behaviour policy.
  public var epsilon: Double
  /// The action values being learned.
  public var q: QTable

  /// Creates a learner with every Q(s, a) at `initialValue`.
  public init(
    _ method: TDControlMethod, stateCount: Int, actionCount: Int, learningRate: Double,
    discount: Double = 1, epsilon: Double = 0.1, initialValue: Double = 0
  ) {
    self.method = method
    self.learningRate = learningRate
    self.discount = discount
    self.epsilon = epsilon
    self.q = QTable(stateCount: stateCount, actionCount: actionCount, initialValue: initialValue)
  }

  /// Runs and learns from one episode (ended by termination, truncation or `maxSteps`).
  ///
  /// - Complexity: O(steps × actions).
  public mutating func runEpisode(
    in env: inout TabularEnvironment, maxSteps: Int = .max,
    using generator: inout SeededGenerator
  ) -> EpisodeSummary {
    var s = env.reset(using: &generator)
    var a = q.epsilonGreedyAction(in: s, epsilon: epsilon, using: &generator)
    var total = 0.0
    var t = 0
    while t < maxSteps {
      // region td-control-step
      let step = env.step(a)
      t += 1
      total += step.reward
      let next = step.observation
      if step.terminated {
        q[s, a] += learningRate * (step.reward - q[s, a])
        break
      }
      var nextAction = 0
      let target: Double
      switch method {
      case .sarsa:
        nextAction = q.epsilonGreedyAction(in: next, epsilon: epsilon, using: &generator)
        target = q[next, nextAction]
      case .expectedSarsa:
        target = q.epsilonGreedyExpectation(in: next, epsilon: epsilon)
      case .qLearning:
        target = q.maxValue(in: next)
      }
      q[s, a] += learningRate * (step.reward + discount * target - q[s, a])
      if step.truncated { break }
      if method != .sarsa {
        nextAction = q.epsilonGreedyAction(in: next, epsilon: epsilon, using: &generator)
      }
      s = next
      a = nextAction
      // endregion
    }
    return EpisodeSummary(totalReward: total, length: t)
  }

  /// Runs `episodes` episodes and returns their summaries.
  public mutating func train(
    in env: inout TabularEnvironment, episodes: Int, maxSteps: Int = .max,
    using generator: inout SeededGenerator
  ) -> [EpisodeSummary] {
    (0..<episodes).map { _ in runEpisode(in: &env, maxSteps: maxSteps, using: &generator) }
  }
}
